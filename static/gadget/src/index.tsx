/** jira:dashboardGadget — a project's vision at a glance on a Jira dashboard, and its edit view (the project). */
import { boot } from '../../shared/boot';
import { GadgetApp } from '../../features/gadget/gadget-app';

boot(GadgetApp);
