/** jira:issuePanel — the business goal an issue's work serves, or the flag that it serves none. */
import '../../features/alignment/alignment.style';
import '../../features/post-launch/post-launch.style';
import { boot } from '../../shared/boot';
import { IssuePanel } from '../../features/alignment/issue-panel';

boot(IssuePanel);
