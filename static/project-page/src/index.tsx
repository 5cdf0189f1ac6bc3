/** jira:projectPage — the vision, goals and KPIs for everyone who can browse the project. */
import { boot } from '../../shared/boot';
import { ProjectPage } from './project-page';

boot(ProjectPage);
