/** Where a reviewer downloads one of the application's documents (only after declaring no conflict). */
export function reviewDocumentUrl(reviewId: string, documentId: string): string {
  return `/api/reviews/${encodeURIComponent(reviewId)}/documents/${encodeURIComponent(documentId)}`;
}
