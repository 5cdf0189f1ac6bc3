/** jira:globalPage — the product portfolio: company goals and every project that uses the app. */
import '../../features/portfolio/portfolio.style';
import { boot } from '../../shared/boot';
import { PortfolioPage } from '../../features/portfolio/portfolio-page';

boot(PortfolioPage);
