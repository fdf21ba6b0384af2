import type { Messages } from './zh-CN';

export const en: Messages = {
  'app.name': 'Huiqi',
  'app.tagline': 'Innovation subsidies for Guangzhou firms',

  'layout.skipLink': 'Skip to main content',
  'layout.mainNav': 'Main navigation',
  'layout.account': 'Account',
  'layout.footer': 'Huiqi: apply online for Guangzhou innovation subsidies.',

  'language.switchTo': '中文',
  'language.switchLabel': 'Change language: ',

  'nav.programmes': 'Programmes',
  'nav.applications': 'My applications',
  'nav.reviews': 'Reviews',
  'nav.calls': 'Calls',
  'nav.signIn': 'Sign in',
  'nav.register': 'Register',
  'nav.signOut': 'Sign out',
  'nav.signedInAs': 'Signed in as {name}',

  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.comingSoonTag': 'Coming soon',
  'common.comingSoon': 'This part of the service is being built and will be available soon.',
  'common.backToProgrammes': 'Back to programmes',
  'common.goHome': 'Go to the home page',
  'common.errorPrefix': 'Error: ',

  'errors.summaryTitle': 'There is a problem',
  'errors.network': 'The server cannot be reached. Check your connection and try again.',
  'errors.unexpected': 'Something went wrong. Try again later.',
  'errors.tooManyAttempts': 'Too many attempts. Try again in {seconds} seconds.',

  'fields.email': 'Email address',
  'fields.password': 'Password',
  'fields.passwordNewHint': 'At least 10 characters.',
  'fields.displayName': 'Your name',
  'fields.companyName': 'Company name',
  'fields.companyNameHint': 'As shown on the business licence.',
  'fields.uscc': 'Unified social credit code',
  'fields.usccHint': '18 characters, printed on the business licence: digits and capital letters.',

  'validation.emailRequired': 'Enter your email address',
  'validation.emailInvalid': 'Enter an email address in the correct format, like name@example.com',
  'validation.passwordRequired': 'Enter your password',
  'validation.passwordTooShort': 'Password must be at least 10 characters',
  'validation.displayNameRequired': 'Enter your name',
  'validation.companyNameRequired': 'Enter the company name',
  'validation.usccRequired': 'Enter the unified social credit code',
  'validation.usccLength': 'The unified social credit code must be 18 characters',
  'validation.usccCharset':
    'The unified social credit code can only contain digits and capital letters (not I, O, S, V or Z)',
  'validation.usccCheck':
    'The unified social credit code is not valid. Check it against the business licence',

  'signIn.title': 'Sign in',
  'signIn.intro': 'Sign in with the email address and password you registered with.',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.noAccount': 'No account yet?',
  'signIn.registerLink': 'Register your company',
  'signIn.registered': 'Your account has been created. Sign in to continue.',
  'signIn.failed': 'The email address or password is not correct.',

  'register.title': 'Register your company',
  'register.intro': 'Register to apply online for Guangzhou innovation subsidies.',
  'register.joinNote':
    'If your company already has an account, ask its account administrator to invite you instead of registering again.',
  'register.aboutYou': 'About you',
  'register.aboutCompany': 'Your company',
  'register.submit': 'Register',
  'register.submitting': 'Registering…',
  'register.haveAccount': 'Already have an account?',
  'register.signInLink': 'Sign in',
  'register.companyExists':
    'This company is already registered. Ask its account administrator to invite you.',

  'programmes.title': 'Programmes',
  'programmes.intro': 'Guangzhou innovation support programmes you can apply for on Huiqi.',
  'programmes.empty': 'There are no programmes open at the moment.',
  'programmes.loadFailed': 'The programmes could not be loaded.',
  'programmes.policyBasis': 'Policy basis: ',

  'programme.detailTitle': 'Programme details',
  'programme.notFoundTitle': 'Programme not found',
  'programme.notFoundBody': 'Check the web address, or go back to the list of programmes.',
  'programme.loadFailed': 'This programme could not be loaded.',
  'programme.documents': 'Documents to provide',
  'programme.documentRequired': 'Required',
  'programme.documentOptional': 'Optional',
  'programme.ruleSet': 'Rules in force',
  'programme.ruleSetVersion': 'Rule set version: {version}',
  'programme.effectiveBetween': 'In force from {from} to {to}',
  'programme.effectiveFrom': 'In force from {from}',
  'programme.applyComingSoon': 'Online pre-checks and applications are coming soon.',

  'applications.title': 'My applications',
  'reviews.title': 'Reviews',
  'calls.title': 'Calls',

  'access.forbiddenTitle': 'You cannot view this page',
  'access.forbiddenBody':
    'Your account does not have access to this page. Contact the platform administrator if you think this is wrong.',

  'notFound.title': 'Page not found',
  'notFound.body': 'If you typed the web address, check it is correct.',

  'routeError.title': 'Something went wrong',
  'routeError.body': 'This page cannot be shown right now. Refresh the page and try again.',
};
