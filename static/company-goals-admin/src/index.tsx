/** jira:adminPage — Jira administrators name who may edit company goals. */
import '../../features/portfolio/portfolio.style';
import { boot } from '../../shared/boot';
import { EditorsAdmin } from '../../features/portfolio/editors-admin';

boot(EditorsAdmin);
