// Prisma CLI configuration. The bot itself never reads this: it builds its client with a driver
// adapter (src/db/client.ts) and applies migrations at start-up (src/db/migrator.ts).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
