/** jira:projectSettingsPage — project admins write the vision, goals and KPIs. */
import { boot } from '../../shared/boot';
import { SettingsApp } from './settings-app';

boot(SettingsApp);
