import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessTokenService } from './access-token.service.js';
import { AccountRolesService } from './account-roles.service.js';
import { AccountsService } from './accounts.service.js';
import { ApiToken } from './api-token.entity.js';
import { ApiTokenService } from './api-token.service.js';
import { AuthenticatorService } from './authenticator.service.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshToken } from './refresh-token.entity.js';
import { SessionsService } from './sessions.service.js';
import { SignInThrottleService } from './sign-in-throttle.service.js';
import { User } from './user.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([User, RefreshToken, ApiToken])],
  providers: [
    AccessTokenService,
    AccountRolesService,
    AccountsService,
    ApiTokenService,
    AuthenticatorService,
    PasswordHasher,
    SessionsService,
    SignInThrottleService,
  ],
  exports: [AccountRolesService, AccountsService, ApiTokenService, AuthenticatorService, SessionsService],
})
export class AccountsModule {}
