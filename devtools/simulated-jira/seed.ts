/**
 * The demo site: two projects of the two kinds Jira has (company-managed PV, team-managed MOB,
 * whose epic-level type is called "Feature"), people with different access, epics with work under them,
 * and a service desk (SD) whose customers' requests of two request types are feedback to bring in.
 */
import { addIssue, addUser, createSite, type JiraSite, type NewIssue, type ProjectPermission, type SimProject } from './site';

export const DEMO_USERS = {
  /** Project admin of PV and MOB. */
  admin: '5d53f3cbc6b9320d9ea5bdc2',
  /** Browses and edits issues in PV and MOB; not a project admin. */
  member: '5b10ac8d82e05b22cc7d4ef5',
  /** Browses PV (Viewers role) but may not edit its issues; no access to MOB. */
  viewer: '61f2b3c4d5e6f708192a3b4c',
  /** Has access to neither project. */
  outsider: '712020:6b4e2a1c-9f0e-4d3b-8c7a-2f1e5d9c3b7a',
  /** Jira admin (ADMINISTER): administers every project; browses PV (Administrators role) but not MOB. */
  siteAdmin: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
  /** Deactivated account, still in PV's Members role: shows up with `active: false`. */
  departed: '5c7d1e0f9a8b6c4d2e1f0a3b',
} as const;

/** Groups of the demo site: product leads (the member), and everyone in the company. */
export const DEMO_GROUPS = {
  productLeads: { groupId: '5a1c2f3e-0b4d-4e6f-8a9b-0c1d2e3f4a5b', name: 'product-leads' },
  everyone: { groupId: '6b2d3a4f-1c5e-4f70-9bac-1d2e3f4a5b6c', name: 'jira-users' },
} as const;

export const DEMO_PROJECTS = {
  PV: { id: '10000', key: 'PV' },
  MOB: { id: '10001', key: 'MOB' },
  SD: { id: '10002', key: 'SD' },
} as const;

/** Customers of the service desk (portal-only accounts): the reporters of its requests. */
export const DEMO_CUSTOMERS = {
  lena: 'qm:8c1f4e2a-7b3d-4c9e-a6f0-1d2e3f4a5b6c:5f0a1b2c3d4e5f6a7b8c9d0e',
  omar: 'qm:2b7e9d4c-1a5f-4e8b-9c3d-6f7a8b9c0d1e:6a1b2c3d4e5f6a7b8c9d0e1f',
} as const;

const SCHEME: Record<ProjectPermission, string[]> = {
  BROWSE_PROJECTS: ['Administrators', 'Members', 'Viewers'],
  ADMINISTER_PROJECTS: ['Administrators'],
  EDIT_ISSUES: ['Administrators', 'Members'],
  ASSIGNABLE_USER: ['Administrators', 'Members'],
  CREATE_ISSUES: ['Administrators', 'Members'],
};

function customerPortal(): SimProject {
  return {
    id: DEMO_PROJECTS.PV.id,
    key: 'PV',
    name: 'Customer Portal',
    description: 'Self-service web portal for our B2B customers.',
    projectTypeKey: 'software',
    style: 'classic',
    leadAccountId: DEMO_USERS.admin,
    // Company-managed projects share the site's issue types.
    issueTypes: [
      { id: '10000', name: 'Epic', description: 'A big user story that needs to be broken down.', hierarchyLevel: 1 },
      { id: '10001', name: 'Story', description: 'Functionality or a feature expressed as a user goal.', hierarchyLevel: 0 },
      { id: '10002', name: 'Task', description: 'A small, distinct piece of work.', hierarchyLevel: 0 },
      { id: '10003', name: 'Bug', description: 'A problem or error.', hierarchyLevel: 0 },
      { id: '10004', name: 'Sub-task', description: 'A small piece of work that is part of a larger task.', hierarchyLevel: -1 },
    ],
    versions: [
      { id: '10100', name: 'Portal 1.0', description: 'Launch', released: true, archived: false, startDate: '2025-03-03', releaseDate: '2025-06-30' },
      { id: '10101', name: 'Portal 1.1', released: false, archived: false, startDate: '2025-07-01', releaseDate: '2025-12-15' },
      { id: '10102', name: 'Portal 2.0', released: false, archived: false, releaseDate: '2026-04-30' },
    ],
    roles: {
      Administrators: [DEMO_USERS.admin, DEMO_USERS.siteAdmin],
      Members: [DEMO_USERS.member, DEMO_USERS.departed],
      Viewers: [DEMO_USERS.viewer],
    },
    permissionScheme: SCHEME,
    properties: new Map(),
  };
}

function mobileApp(): SimProject {
  return {
    id: DEMO_PROJECTS.MOB.id,
    key: 'MOB',
    name: 'Mobile App',
    description: 'iOS and Android companion app.',
    projectTypeKey: 'software',
    style: 'next-gen',
    uuid: '3f9c2b7e-5d41-4a8e-9b0c-1e6f2a7d8c54',
    leadAccountId: DEMO_USERS.admin,
    // Team-managed projects own their issue types; the epic level here is named "Feature".
    issueTypes: [
      { id: '10010', name: 'Feature', description: 'A large capability, broken into stories.', hierarchyLevel: 1, entityId: 'a1f0c6de-2b1e-4f7a-9c55-0b9e3d7f1a10' },
      { id: '10011', name: 'Story', description: 'Functionality or a feature expressed as a user goal.', hierarchyLevel: 0, entityId: 'b2e1d7ef-3c2f-4a8b-8d66-1cae4e8a2b21' },
      { id: '10012', name: 'Task', description: 'A small, distinct piece of work.', hierarchyLevel: 0, entityId: 'c3f2e8f0-4d3a-4b9c-9e77-2dbf5f9b3c32' },
      { id: '10013', name: 'Bug', description: 'A problem or error.', hierarchyLevel: 0, entityId: 'd4a3f9a1-5e4b-4cad-8f88-3ec0a0ac4d43' },
      { id: '10014', name: 'Subtask', description: 'A small piece of work that is part of a larger task.', hierarchyLevel: -1, entityId: 'e5b4a0b2-6f5c-4dbe-9a99-4fd1b1bd5e54' },
    ],
    versions: [{ id: '10103', name: 'App 3.2', released: false, archived: false, releaseDate: '2026-01-20' }],
    roles: { Administrators: [DEMO_USERS.admin], Members: [DEMO_USERS.member] },
    permissionScheme: SCHEME,
    properties: new Map(),
  };
}

/**
 * A service desk (Jira Service Management, company-managed) whose customers' requests are feedback:
 * the admin and the member are its agents; the viewer, the outsider and the site admin have no access.
 */
function serviceDesk(): SimProject {
  return {
    id: DEMO_PROJECTS.SD.id,
    key: 'SD',
    name: 'Customer Support',
    description: 'Requests from Customer Portal users.',
    projectTypeKey: 'service_desk',
    style: 'classic',
    leadAccountId: DEMO_USERS.admin,
    issueTypes: [
      { id: '10005', name: 'Service request', description: 'Requests for help or information.', hierarchyLevel: 0 },
      { id: '10006', name: 'Incident', description: 'Something is broken.', hierarchyLevel: 0 },
    ],
    versions: [],
    roles: { Administrators: [DEMO_USERS.admin], 'Service Desk Team': [DEMO_USERS.member] },
    permissionScheme: {
      BROWSE_PROJECTS: ['Administrators', 'Service Desk Team'],
      ADMINISTER_PROJECTS: ['Administrators'],
      EDIT_ISSUES: ['Administrators', 'Service Desk Team'],
      CREATE_ISSUES: ['Administrators', 'Service Desk Team'],
      ASSIGNABLE_USER: ['Administrators', 'Service Desk Team'],
    },
    properties: new Map(),
  };
}

const IN_PROGRESS: [string, 'indeterminate'] = ['In Progress', 'indeterminate'];
const DONE: [string, 'done'] = ['Done', 'done'];

const ISSUES: NewIssue[] = [
  // PV epics: PV-1 … PV-8.
  { projectKey: 'PV', type: 'Epic', summary: 'Self-service password reset', status: DONE, created: '2025-02-03T09:00:00Z', updated: '2025-05-20T14:10:00Z' },
  { projectKey: 'PV', type: 'Epic', summary: 'Order history and invoices', status: IN_PROGRESS, created: '2025-02-10T10:30:00Z', updated: '2025-10-02T08:45:00Z' },
  { projectKey: 'PV', type: 'Epic', summary: 'Live chat with support', status: IN_PROGRESS, created: '2025-03-04T13:00:00Z', updated: '2025-09-18T16:20:00Z' },
  { projectKey: 'PV', type: 'Epic', summary: 'Accessibility: WCAG 2.2 AA', created: '2025-03-17T11:15:00Z' },
  { projectKey: 'PV', type: 'Epic', summary: 'Single sign-on for business accounts', status: IN_PROGRESS, created: '2025-04-01T08:00:00Z', updated: '2025-10-28T12:00:00Z' },
  { projectKey: 'PV', type: 'Epic', summary: 'Guided onboarding tour', created: '2025-05-12T15:40:00Z' },
  { projectKey: 'PV', type: 'Epic', summary: 'Notification preferences', status: DONE, created: '2025-05-26T09:20:00Z', updated: '2025-08-14T10:00:00Z' },
  { projectKey: 'PV', type: 'Epic', summary: 'Page loads under two seconds', created: '2025-06-09T14:05:00Z' },
  // Work under the epics: PV-9 onwards.
  { projectKey: 'PV', type: 'Story', summary: 'Reset password by email link', parentKey: 'PV-1', status: DONE, storyPoints: 5, fixVersions: ['Portal 1.0'], created: '2025-02-04T09:00:00Z', updated: '2025-04-30T09:00:00Z' },
  { projectKey: 'PV', type: 'Task', summary: 'Rate-limit reset requests', parentKey: 'PV-1', status: DONE, storyPoints: 2, fixVersions: ['Portal 1.0'], created: '2025-02-05T09:00:00Z', updated: '2025-05-02T09:00:00Z' },
  { projectKey: 'PV', type: 'Story', summary: 'List past orders with filters', parentKey: 'PV-2', status: DONE, storyPoints: 8, fixVersions: ['Portal 1.0'], created: '2025-02-11T09:00:00Z', updated: '2025-06-20T09:00:00Z' },
  { projectKey: 'PV', type: 'Story', summary: 'Download invoices as PDF', parentKey: 'PV-2', status: IN_PROGRESS, storyPoints: 5, fixVersions: ['Portal 1.1'], created: '2025-02-12T09:00:00Z', updated: '2025-10-02T08:45:00Z' },
  { projectKey: 'PV', type: 'Story', summary: 'Chat widget on every page', parentKey: 'PV-3', status: IN_PROGRESS, storyPoints: 8, fixVersions: ['Portal 1.1'], created: '2025-03-05T09:00:00Z', updated: '2025-09-18T16:20:00Z' },
  { projectKey: 'PV', type: 'Task', summary: 'Route chats to the support queue', parentKey: 'PV-3', storyPoints: 3, fixVersions: ['Portal 1.1'], created: '2025-03-06T09:00:00Z' },
  { projectKey: 'PV', type: 'Story', summary: 'Keyboard navigation for checkout', parentKey: 'PV-4', storyPoints: 5, fixVersions: ['Portal 2.0'], created: '2025-03-18T09:00:00Z' },
  { projectKey: 'PV', type: 'Story', summary: 'SAML login for business accounts', parentKey: 'PV-5', status: IN_PROGRESS, storyPoints: 13, fixVersions: ['Portal 1.1'], created: '2025-04-02T09:00:00Z', updated: '2025-10-28T12:00:00Z' },
  { projectKey: 'PV', type: 'Task', summary: 'Map IdP groups to portal roles', parentKey: 'PV-5', created: '2025-04-03T09:00:00Z' },
  { projectKey: 'PV', type: 'Story', summary: 'Choose email or SMS per notification', parentKey: 'PV-7', status: DONE, storyPoints: 3, fixVersions: ['Portal 1.0'], created: '2025-05-27T09:00:00Z', updated: '2025-08-14T10:00:00Z' },
  { projectKey: 'PV', type: 'Task', summary: 'Lazy-load dashboard widgets', parentKey: 'PV-8', storyPoints: 3, created: '2025-06-10T09:00:00Z' },
  { projectKey: 'PV', type: 'Bug', summary: 'Invoice totals round the wrong way', status: IN_PROGRESS, created: '2025-09-30T11:00:00Z', updated: '2025-10-01T11:00:00Z' },
  { projectKey: 'PV', type: 'Sub-task', summary: 'Write reset-email copy', parentKey: 'PV-9', status: DONE, created: '2025-02-06T09:00:00Z', updated: '2025-03-01T09:00:00Z' },
  // MOB: features MOB-1 … MOB-3, then work.
  { projectKey: 'MOB', type: 'Feature', summary: 'Offline mode', status: IN_PROGRESS, created: '2025-04-14T09:00:00Z', updated: '2025-10-10T09:00:00Z' },
  { projectKey: 'MOB', type: 'Feature', summary: 'Push notifications', created: '2025-05-05T09:00:00Z' },
  { projectKey: 'MOB', type: 'Feature', summary: 'Biometric login', status: DONE, created: '2025-03-03T09:00:00Z', updated: '2025-07-07T09:00:00Z' },
  { projectKey: 'MOB', type: 'Story', summary: 'Cache the last 30 days of orders', parentKey: 'MOB-1', status: IN_PROGRESS, storyPoints: 8, fixVersions: ['App 3.2'], created: '2025-04-15T09:00:00Z', updated: '2025-10-10T09:00:00Z' },
  { projectKey: 'MOB', type: 'Story', summary: 'Opt-in screen for notifications', parentKey: 'MOB-2', storyPoints: 3, created: '2025-05-06T09:00:00Z' },
  { projectKey: 'MOB', type: 'Story', summary: 'Face ID and fingerprint sign-in', parentKey: 'MOB-3', status: DONE, storyPoints: 5, created: '2025-03-04T09:00:00Z', updated: '2025-07-07T09:00:00Z' },
  { projectKey: 'MOB', type: 'Bug', summary: 'App crashes when rotating on the order page', created: '2025-10-20T09:00:00Z' },
  // SD: customers' requests of two request types, after Portal 1.0 launched (30 Jun 2025).
  { projectKey: 'SD', type: 'Incident', requestType: 'Report a bug', summary: 'Invoice PDF shows the wrong VAT number', reporterAccountId: DEMO_CUSTOMERS.lena, labels: ['invoices'], created: '2025-07-03T08:12:00Z' },
  { projectKey: 'SD', type: 'Service request', requestType: 'Suggest an improvement', summary: 'Let me reset my password by SMS too', reporterAccountId: DEMO_CUSTOMERS.omar, labels: ['password'], created: '2025-07-09T14:30:00Z' },
  { projectKey: 'SD', type: 'Incident', requestType: 'Report a bug', summary: 'Password reset email arrives after 20 minutes', reporterAccountId: DEMO_CUSTOMERS.omar, labels: ['password'], status: DONE, created: '2025-07-21T10:05:00Z', updated: '2025-07-22T09:00:00Z' },
  { projectKey: 'SD', type: 'Incident', requestType: 'Report a bug', summary: 'Order history is empty after signing in with SSO', reporterAccountId: DEMO_CUSTOMERS.lena, created: '2025-08-04T16:45:00Z' },
  { projectKey: 'SD', type: 'Service request', requestType: 'Suggest an improvement', summary: 'Show invoices for all my company’s accounts in one list', reporterAccountId: DEMO_CUSTOMERS.lena, labels: ['invoices'], created: '2025-08-12T11:20:00Z' },
  { projectKey: 'SD', type: 'Incident', requestType: 'Report a bug', summary: 'Chat widget covers the checkout button on phones', reporterAccountId: DEMO_CUSTOMERS.omar, created: '2025-09-02T13:00:00Z' },
];

/**
 * Goal links already on PV's epics. Goals live in the app's storage, not in Jira, so a fresh site can
 * only hold links that need no goal: one written by hand in a shape the app does not know, and one to a
 * goal that has since been deleted. The preview's demo data ties other epics to its demo goals through
 * the app itself. Key and shape: `product-vision-goal` = { goalId, setBy, setAt }.
 */
export const SEEDED_GOAL_LINKS: Record<string, unknown> = {
  'PV-6': { goal: 'Onboarding', note: 'typed in by hand through the REST API' },
  'PV-8': { goalId: 'retired-goal-2024', setBy: DEMO_USERS.admin, setAt: '2025-06-10T09:00:00.000Z' },
};

export function seedDemoSite(baseUrl?: string): JiraSite {
  const site = createSite(baseUrl);
  addUser(site, { accountId: DEMO_USERS.admin, displayName: 'Maya Lindqvist', active: true, accountType: 'atlassian', emailAddress: 'maya@example.com', timeZone: 'Europe/Stockholm' });
  addUser(site, { accountId: DEMO_USERS.member, displayName: 'Tomás Ferreira', active: true, accountType: 'atlassian', timeZone: 'Europe/Lisbon' });
  addUser(site, { accountId: DEMO_USERS.viewer, displayName: 'Priya Raman', active: true, accountType: 'atlassian', timeZone: 'Asia/Kolkata' });
  addUser(site, { accountId: DEMO_USERS.outsider, displayName: 'Jordan Blake', active: true, accountType: 'atlassian', timeZone: 'America/Chicago' });
  addUser(site, { accountId: DEMO_USERS.siteAdmin, displayName: 'Site Administrator', active: true, accountType: 'atlassian', timeZone: 'UTC' });
  addUser(site, { accountId: DEMO_USERS.departed, displayName: 'Sam Okafor', active: false, accountType: 'atlassian' });
  addUser(site, { accountId: DEMO_CUSTOMERS.lena, displayName: 'Lena Hofmann', active: true, accountType: 'customer' });
  addUser(site, { accountId: DEMO_CUSTOMERS.omar, displayName: 'Omar Haddad', active: true, accountType: 'customer' });
  site.siteAdmins.add(DEMO_USERS.siteAdmin);
  site.groups.push(
    { ...DEMO_GROUPS.productLeads, members: [DEMO_USERS.member] },
    { ...DEMO_GROUPS.everyone, members: [DEMO_USERS.admin, DEMO_USERS.member, DEMO_USERS.viewer, DEMO_USERS.outsider, DEMO_USERS.siteAdmin] },
  );
  site.projects.push(customerPortal(), mobileApp(), serviceDesk());
  for (const issue of ISSUES) addIssue(site, issue);
  for (const [key, value] of Object.entries(SEEDED_GOAL_LINKS))
    site.issues.find((i) => i.key === key)!.properties.set('product-vision-goal', structuredClone(value));
  return site;
}
