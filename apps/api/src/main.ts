import 'reflect-metadata';
import { createLogger, loadConfigOrExit, migrateDatabase } from '@app/platform';
import { createApiApp } from './create-api-app.js';

const config = loadConfigOrExit();
const logger = createLogger('api', config.LOG_LEVEL);

await migrateDatabase(config);
const app = await createApiApp(config, logger);
await app.listen({ port: config.PORT, host: config.HOST });
logger.info({ url: `http://${config.HOST}:${config.PORT}/graphql` }, 'api listening');
