import { Route, Routes } from 'react-router-dom';
import { AdminHomePage } from './features/admin/AdminHomePage';
import { OrganizationsPage } from './features/admin/OrganizationsPage';
import { RequireAdmin } from './features/admin/RequireAdmin';
import { ReviewQueuePage } from './features/admin/ReviewQueuePage';
import {
  ApiKeysPage,
  ImportedListingPage,
  MyInquiriesPage,
  PartnersPage,
  ReceivedInquiriesPage,
} from './features/federation';
import { AccountPage } from './features/auth/AccountPage';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage';
import { LoginPage } from './features/auth/LoginPage';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage';
import { RegisterPage } from './features/auth/RegisterPage';
import { RequireAuth } from './features/auth/RequireAuth';
import { MyDealsPage } from './features/deals/MyDealsPage';
import { DealPage } from './features/deals/DealPage';
import { ListingBidsPage } from './features/bids/ListingBidsPage';
import { HomePage } from './features/home/HomePage';
import { Layout } from './features/layout/Layout';
import { NotFoundPage } from './features/layout/NotFoundPage';
import { DemandFormPage } from './features/listings/DemandFormPage';
import { ListingPage } from './features/listings/ListingPage';
import { MyListingsPage } from './features/listings/MyListingsPage';
import { OfferFormPage } from './features/listings/OfferFormPage';
import { SearchPage } from './features/search/SearchPage';
import { OrganizationPage } from './features/organizations/OrganizationPage';
import { NotificationsPage } from './features/notifications/NotificationsPage';
import { AlertsPage } from './features/alerts/AlertsPage';
import { AdminPaymentsPage } from './features/payments/AdminPaymentsPage';
import { PaymentResultPage } from './features/payments/PaymentResultPage';
import { BrokerDashboardPage } from './features/broker/BrokerDashboardPage';
import { lazy, Suspense, type ReactNode } from 'react';

// The statistics pages carry the charting library: loaded when one is opened.
const AdminStatsPage = lazy(() =>
  import('./features/stats/AdminStatsPage').then((m) => ({ default: m.AdminStatsPage })),
);
const StatsReportPage = lazy(() =>
  import('./features/stats/StatsReportPage').then((m) => ({ default: m.StatsReportPage })),
);
const OpenDataPage = lazy(() =>
  import('./features/stats/OpenDataPage').then((m) => ({ default: m.OpenDataPage })),
);
// The capability pages too (radar and bar charts).
const CapabilityPage = lazy(() =>
  import('./features/capability/CapabilityPage').then((m) => ({ default: m.CapabilityPage })),
);
const CapabilityDirectoryPage = lazy(() =>
  import('./features/capability/CapabilityDirectoryPage').then((m) => ({
    default: m.CapabilityDirectoryPage,
  })),
);
const AdminCapabilitiesPage = lazy(() =>
  import('./features/capability/AdminCapabilitiesPage').then((m) => ({ default: m.AdminCapabilitiesPage })),
);
// The experts' directory and profile, and the appraisal desk's pages.
const ExpertsPage = lazy(() =>
  import('./features/experts/ExpertsPage').then((m) => ({ default: m.ExpertsPage })),
);
const ExpertProfilePage = lazy(() =>
  import('./features/experts/ExpertProfilePage').then((m) => ({ default: m.ExpertProfilePage })),
);
const MyAppraisalsPage = lazy(() =>
  import('./features/appraisals/MyAppraisalsPage').then((m) => ({ default: m.MyAppraisalsPage })),
);
const AppraisalPage = lazy(() =>
  import('./features/appraisals/AppraisalPage').then((m) => ({ default: m.AppraisalPage })),
);
const AdminAppraisalsPage = lazy(() =>
  import('./features/appraisals/AdminAppraisalsPage').then((m) => ({ default: m.AdminAppraisalsPage })),
);
// The operators' payouts (what the exchange owes brokers and experts).
const AdminPayoutsPage = lazy(() =>
  import('./features/payments/AdminPayoutsPage').then((m) => ({ default: m.AdminPayoutsPage })),
);
// A broker's or an expert's own earnings (their shares of the fees, owed and paid).
const MyPayoutsPage = lazy(() =>
  import('./features/payments/MyPayoutsPage').then((m) => ({ default: m.MyPayoutsPage })),
);
const OverdueMilestonesPage = lazy(() =>
  import('./features/deals/OverdueMilestonesPage').then((m) => ({ default: m.OverdueMilestonesPage })),
);
// The technology fairs: the public list and event pages, and the operators' desk.
const EventsPage = lazy(() =>
  import('./features/events/EventsPage').then((m) => ({ default: m.EventsPage })),
);
const EventPage = lazy(() => import('./features/events/EventPage').then((m) => ({ default: m.EventPage })));
const MeetingRoomPage = lazy(() =>
  import('./features/events/MeetingRoomPage').then((m) => ({ default: m.MeetingRoomPage })),
);
const AdminEventsPage = lazy(() =>
  import('./features/events/AdminEventsPage').then((m) => ({ default: m.AdminEventsPage })),
);
const AdminEventPage = lazy(() =>
  import('./features/events/AdminEventPage').then((m) => ({ default: m.AdminEventPage })),
);
const later = (page: ReactNode) => <Suspense fallback={null}>{page}</Suspense>;

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="offers/:id" element={<ListingPage kind="offer" />} />
        <Route path="demands/:id" element={<ListingPage kind="demand" />} />
        <Route path="imported/:id" element={<ImportedListingPage />} />
        <Route path="organizations/:id" element={<OrganizationPage />} />
        <Route path="open-data" element={later(<OpenDataPage />)} />
        <Route path="capabilities" element={later(<CapabilityDirectoryPage />)} />
        <Route path="experts" element={later(<ExpertsPage />)} />
        <Route path="events" element={later(<EventsPage />)} />
        <Route path="events/:id" element={later(<EventPage />)} />
        <Route element={<RequireAuth />}>
          <Route path="events/:eventId/meetings/:meetingId/room" element={later(<MeetingRoomPage />)} />
          <Route path="experts/me" element={later(<ExpertProfilePage />)} />
          <Route path="appraisals" element={later(<MyAppraisalsPage />)} />
          <Route path="appraisals/:id" element={later(<AppraisalPage />)} />
          <Route path="account" element={<AccountPage />} />
          <Route path="capability" element={later(<CapabilityPage />)} />
          <Route path="offers/new" element={<OfferFormPage />} />
          <Route path="offers/:id/edit" element={<OfferFormPage />} />
          <Route path="demands/new" element={<DemandFormPage />} />
          <Route path="demands/:id/edit" element={<DemandFormPage />} />
          <Route path="my/listings" element={<MyListingsPage />} />
          <Route path="my/deals" element={<MyDealsPage />} />
          <Route path="my/inquiries" element={<MyInquiriesPage />} />
          <Route path="my/inquiries/received" element={<ReceivedInquiriesPage />} />
          <Route path="broker" element={<BrokerDashboardPage />} />
          <Route path="deals" element={<MyDealsPage />} />
          <Route path="deals/:id" element={<DealPage />} />
          <Route path="offers/:id/bids" element={<ListingBidsPage kind="offer" />} />
          <Route path="demands/:id/proposals" element={<ListingBidsPage kind="demand" />} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="alerts" element={<AlertsPage />} />
          <Route path="payments/:id/result" element={<PaymentResultPage />} />
          <Route path="payouts" element={later(<MyPayoutsPage />)} />
          <Route path="admin" element={<RequireAdmin />}>
            <Route index element={<AdminHomePage />} />
            <Route path="organizations" element={<OrganizationsPage />} />
            <Route path="queue" element={<ReviewQueuePage />} />
            <Route path="payments" element={<AdminPaymentsPage />} />
            <Route path="payouts" element={later(<AdminPayoutsPage />)} />
            <Route path="stats" element={later(<AdminStatsPage />)} />
            <Route path="stats/report" element={later(<StatsReportPage />)} />
            <Route path="capabilities" element={later(<AdminCapabilitiesPage />)} />
            <Route path="appraisals" element={later(<AdminAppraisalsPage />)} />
            <Route path="milestones" element={later(<OverdueMilestonesPage />)} />
            <Route path="events" element={later(<AdminEventsPage />)} />
            <Route path="events/:id" element={later(<AdminEventPage />)} />
            <Route path="partners" element={<PartnersPage />} />
            <Route path="api-keys" element={<ApiKeysPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
