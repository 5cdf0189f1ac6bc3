/** jira:issuePanel — the business goal an issue's work serves, or the flag that it serves none. */
import '../../components/alignment.style';
import '../../components/post-launch/post-launch.style';
import { boot } from '../../components/boot';
import { IssuePanel } from './issue-panel';

boot(IssuePanel);
