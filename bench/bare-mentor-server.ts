import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { isVisibleTo, MentorProfilesService, ProfilesModule } from '@app/domain';
import { coreModules, createLogger, loadConfigOrExit } from '@app/platform';
import Fastify from 'fastify';

/**
 * The baseline of `npm run bench:api`: `mentor(id)` without GraphQL. Its own process on
 * its own port like the api, reading the profile with the very call the api's DataLoader
 * makes (MentorProfilesService.findByIds), so both run the same SQL on the same pool size.
 */
const config = loadConfigOrExit();
const logger = createLogger('bare', config.LOG_LEVEL);

@Module({
  imports: [...coreModules(config, logger), ProfilesModule],
})
class BareModule {}

const context = await NestFactory.createApplicationContext(BareModule, { logger: false });
const profiles = context.get(MentorProfilesService);
const app = Fastify();
app.get<{ Params: { id: string } }>('/mentors/:id', async (request) => {
  const [profile] = await profiles.findByIds([request.params.id]);
  const mentor = profile && isVisibleTo(profile, null) ? profile : null;
  return {
    data: {
      mentor: mentor && { id: mentor.id, headline: mentor.headline, yearsOfExperience: mentor.yearsOfExperience },
    },
  };
});
await app.listen({ port: config.PORT, host: config.HOST });
process.once('SIGTERM', () => void app.close().then(() => context.close()));
