/** `npm start`: the local preview on http://127.0.0.1:4400 (PORT and PREVIEW_DATA_DIR override). */
import { resolve } from 'node:path';
import { createPreview } from './preview-app';

const port = Number(process.env.PORT ?? 4400);
const dataDir = resolve(process.env.PREVIEW_DATA_DIR ?? resolve(__dirname, '..', 'data'));

const preview = createPreview({ dataDir, demoData: true });
preview.ready
  .then(() => preview.listen(port))
  .then(({ url }) => {
    console.log(`Product Vision for Jira — local preview at ${url}/`);
    console.log(`Data: ${dataDir}/preview.sqlite (kept between runs; delete it to start over)`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    preview.close();
    process.exit(0);
  });
