/** One message of GET /api/mailbox (admin, development): what the platform sent and how delivery went. */
export type MailMessage = {
  id: string;
  to: string;
  template: string;
  language: string;
  subject: string;
  text: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  attachments: { filename: string }[];
};
