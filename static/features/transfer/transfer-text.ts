import { t } from '../../shared/i18n';

/** Said by the export's description and by an import's preview. */
export const LINKS_NOTE = () => t('Epic → goal links are Jira issue properties: they stay with the epics and are not in the file.');
