/**
 * The differences between two versions of the vision (or a version and the draft), field by field.
 * Published versions: read access; the draft: admins only (readers never see unpublished text).
 */
import { fail, ok, type Result } from '../../contract';
import type { PublishableVision, VersionRef, VersionRefInfo, VisionDiff } from '../../contract/vision/publishing';
import { diffVisions } from '../../domain/vision/vision-diff';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { readVersion, readVisionState, type VisionState } from '../../storage/visions';

type Side = { content: PublishableVision; info: VersionRefInfo };

export async function diffVision(deps: Deps, caller: Caller, input: { from: VersionRef; to: VersionRef }): Promise<Result<VisionDiff>> {
  const wantsDraft = input.from === 'draft' || input.to === 'draft';
  const auth = await authorize(deps, caller, wantsDraft ? 'edit' : 'read');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  const state = await readVisionState(deps, project.id);

  const side = async (ref: VersionRef): Promise<Side | null> => {
    if (ref === 'draft') {
      const d = state.draft;
      return d ? { content: d, info: { ref, label: 'Draft', by: d.updatedBy, at: d.updatedAt, changeNote: '' } } : null;
    }
    const v = virtualOr(state, ref) ?? (await readVersion(deps, project.id, ref));
    return v ? { content: v, info: { ref, label: `Version ${v.version}`, by: v.publishedBy, at: v.publishedAt, changeNote: v.changeNote } } : null;
  };
  const [from, to] = await Promise.all([side(input.from), side(input.to)]);
  if (!from || !to) {
    const missing = !from ? input.from : input.to;
    return fail('NOT_FOUND', missing === 'draft' ? 'There is no draft yet.' : `Version ${missing} of the vision does not exist.`);
  }
  return ok(diffVisions(from.content, to.content, { from: from.info, to: to.info }));
}

const virtualOr = (state: VisionState, version: number) =>
  state.publishedIsVirtual && state.published?.version === version ? state.published : undefined;
