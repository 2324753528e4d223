// The inbox's tabs, shared by the list query and the page.
export const INBOX_TABS = ["all", "needs_reply", "open", "closed", "opted_out"] as const;
export type InboxTab = (typeof INBOX_TABS)[number];
