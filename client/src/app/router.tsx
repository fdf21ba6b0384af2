import { createBrowserRouter } from 'react-router';
import { AccountSecurityPage } from '../features/auth/components/account-security-page';
import { LoginPage } from '../features/auth/components/login-page';
import { RegisterPage } from '../features/auth/components/register-page';
import { ApplicationPage } from '../features/applications/components/application-page';
import { ApplicationsPage } from '../features/applications/components/applications-page';
import { CallApplicationsPage } from '../features/applications/components/call-applications-page';
import { CallFormPage } from '../features/calls/components/call-form-page';
import { AppealsPage } from '../features/decisions/components/appeals-page';
import { DecisionPage } from '../features/decisions/components/decision-page';
import { DecisionsPage } from '../features/decisions/components/decisions-page';
import { MailboxPage } from '../features/mailbox/components/mailbox-page';
import { NoticeAdminPage } from '../features/notices/components/notice-admin-page';
import { NoticePage } from '../features/notices/components/notice-page';
import { NoticesPage } from '../features/notices/components/notices-page';
import { VerifyPage } from '../features/verify/components/verify-page';
import { CompanyPage } from '../features/company/components/company-page';
import { InvitationPage } from '../features/company/components/invitation-page';
import { CallsPage } from '../features/calls/components/calls-page';
import { ProgrammeDetailPage } from '../features/programmes/components/programme-detail-page';
import { PrecheckPage } from '../features/programmes/components/precheck-page';
import { ProgrammeListPage } from '../features/programmes/components/programme-list-page';
import { ModerationPage } from '../features/panels/components/moderation-page';
import { PanelsPage } from '../features/panels/components/panels-page';
import { ReviewPage } from '../features/reviews/components/review-page';
import { ReviewsPage } from '../features/reviews/components/reviews-page';
import { RuleSetsIndexPage } from '../features/rule-sets/components/rule-sets-index-page';
import { RuleSetsPage } from '../features/rule-sets/components/rule-sets-page';
import { ConsentPage } from '../features/consent/components/consent-page';
import { MemberPointsPage } from '../features/recognition/components/member-points-page';
import { RecognitionQueuePage } from '../features/recognition/components/recognition-queue-page';
import { RecognitionReviewPage } from '../features/recognition/components/recognition-review-page';
import { TeamPage } from '../features/teams/components/team-page';
import { TeamsPage } from '../features/teams/components/teams-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { RequireRole } from './require-role';
import { RouteErrorPage } from './route-error-page';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteErrorPage standalone />,
    children: [
      {
        // Errors thrown by a page render inside the layout, keeping the header and navigation.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <ProgrammeListPage /> },
          { path: 'programmes', element: <ProgrammeListPage /> },
          { path: 'programmes/:code', element: <ProgrammeDetailPage /> },
          { path: 'programmes/:code/precheck', element: <PrecheckPage /> },
          { path: 'login', element: <LoginPage /> },
          { path: 'register', element: <RegisterPage /> },
          {
            path: 'account/security',
            element: <RequireRole roles={['applicant', 'reviewer', 'officer', 'admin']}><AccountSecurityPage /></RequireRole>,
          },
          { path: 'verify', element: <VerifyPage /> },
          { path: 'verify/:code', element: <VerifyPage /> },
          { path: 'notices', element: <NoticesPage /> },
          { path: 'notices/:id', element: <NoticePage /> },
          // The insight pages (and Chart.js) load when first visited, keeping the first page of everyone else light;
          // the router renders them, and the layout moves focus to their heading, only once they have arrived.
          { path: 'statistics', lazy: async () => ({ Component: (await import('../features/insight/components/statistics-page')).StatisticsPage }) },
          {
            path: 'applications',
            element: <RequireRole roles={['applicant']}><ApplicationsPage /></RequireRole>,
          },
          {
            path: 'applications/:id',
            element: <RequireRole roles={['applicant', 'officer', 'admin']}><ApplicationPage /></RequireRole>,
          },
          {
            path: 'applications/:id/moderation',
            element: <RequireRole roles={['officer', 'admin']}><ModerationPage /></RequireRole>,
          },
          {
            path: 'applications/:id/decision',
            element: <RequireRole roles={['officer', 'admin']}><DecisionPage /></RequireRole>,
          },
          {
            path: 'company',
            element: <RequireRole roles={['applicant']}><CompanyPage /></RequireRole>,
          },
          { path: 'invitations/:token', element: <InvitationPage /> },
          {
            path: 'teams',
            element: <RequireRole roles={['applicant', 'officer', 'admin']}><TeamsPage /></RequireRole>,
          },
          {
            path: 'teams/:id',
            element: <RequireRole roles={['applicant', 'officer', 'admin']}><TeamPage /></RequireRole>,
          },
          {
            path: 'teams/:id/members/:memberId/points',
            element: <RequireRole roles={['applicant']}><MemberPointsPage /></RequireRole>,
          },
          {
            path: 'recognition',
            element: <RequireRole roles={['officer', 'admin']}><RecognitionQueuePage /></RequireRole>,
          },
          {
            path: 'recognition/:id',
            element: <RequireRole roles={['officer', 'admin']}><RecognitionReviewPage /></RequireRole>,
          },
          { path: 'consent/:token', element: <ConsentPage /> },
          {
            path: 'reviews',
            element: <RequireRole roles={['reviewer']}><ReviewsPage /></RequireRole>,
          },
          {
            path: 'reviews/:id',
            element: <RequireRole roles={['reviewer']}><ReviewPage /></RequireRole>,
          },
          {
            path: 'calls',
            element: <RequireRole roles={['applicant', 'officer', 'admin']}><CallsPage /></RequireRole>,
          },
          {
            path: 'calls/new',
            element: <RequireRole roles={['officer', 'admin']}><CallFormPage /></RequireRole>,
          },
          {
            path: 'calls/:id/edit',
            element: <RequireRole roles={['officer', 'admin']}><CallFormPage /></RequireRole>,
          },
          {
            path: 'calls/:id/applications',
            element: <RequireRole roles={['officer', 'admin']}><CallApplicationsPage /></RequireRole>,
          },
          {
            path: 'calls/:id/panels',
            element: <RequireRole roles={['officer', 'admin']}><PanelsPage /></RequireRole>,
          },
          {
            path: 'calls/:id/decisions',
            element: <RequireRole roles={['officer', 'admin']}><DecisionsPage /></RequireRole>,
          },
          {
            path: 'calls/:id/notice',
            element: <RequireRole roles={['officer', 'admin']}><NoticeAdminPage /></RequireRole>,
          },
          {
            path: 'calls/:id/appeals',
            element: <RequireRole roles={['officer', 'admin']}><AppealsPage /></RequireRole>,
          },
          {
            path: 'calls/:id/insight',
            lazy: async () => {
              const { CallInsightPage } = await import('../features/insight/components/call-insight-page');
              return { element: <RequireRole roles={['officer', 'admin']}><CallInsightPage /></RequireRole> };
            },
          },
          {
            path: 'calls/:id/simulate',
            lazy: async () => {
              const { SimulatePage } = await import('../features/insight/components/simulate-page');
              return { element: <RequireRole roles={['officer', 'admin']}><SimulatePage /></RequireRole> };
            },
          },
          {
            path: 'insight',
            lazy: async () => {
              const { InsightPage } = await import('../features/insight/components/insight-page');
              return { element: <RequireRole roles={['officer', 'admin']}><InsightPage /></RequireRole> };
            },
          },
          {
            path: 'mailbox',
            element: <RequireRole roles={['admin']}><MailboxPage /></RequireRole>,
          },
          {
            path: 'officer/rule-sets',
            element: <RequireRole roles={['officer', 'admin']}><RuleSetsIndexPage /></RequireRole>,
          },
          {
            path: 'officer/rule-sets/:code',
            element: <RequireRole roles={['officer', 'admin']}><RuleSetsPage /></RequireRole>,
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
