/**
 * What stands for a person whose Atlassian account was closed. Their account id is erased from every
 * stored document: an ownership (`ownerAccountId`) becomes null, a record of who did something
 * (`updatedBy`, `createdBy`, `publishedBy`, `setBy`, `by`) becomes this marker, which passes the
 * contract's account id check (`[a-zA-Z0-9:_-]`), so stored shapes stay valid.
 */
export const FORMER_USER_ACCOUNT_ID = 'former-user';
export const FORMER_USER_LABEL = 'Former user';
