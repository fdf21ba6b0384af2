import { expect } from 'chai';
import { maskEmail, newRecoveryCode, normaliseRecoveryCode } from '../../server/modules/identity/mfa.ts';
import { CARRIES_CREDENTIAL, withoutCredential } from '../../server/notifications/queue-mail.ts';

describe('two-factor helpers', () => {
  it('when an address is masked, then its first letters and domain show and the rest of the local part does not', () => {
    expect(maskEmail('wang.xiaoming@example.com')).to.equal('wa******@example.com');
    expect(maskEmail('li@example.cn')).to.equal('l*@example.cn');
    expect(maskEmail('a@example.cn')).to.equal('a*@example.cn');
    expect(maskEmail('abc@x.y')).to.equal('ab*@x.y');
    // the visible part never grows with the address, and the domain is kept whole (one's own is recognisable)
    expect(maskEmail(`${'q'.repeat(60)}@mail.example.org`)).to.equal('qq******@mail.example.org');
  });

  it('when recovery codes are made, then they are ten characters from an alphabet without look-alikes, typed any way', () => {
    const codes = new Set(Array.from({ length: 200 }, newRecoveryCode));
    expect(codes.size).to.equal(200);
    for (const code of codes) expect(code).to.match(/^[a-km-np-z2-9]{5}-[a-km-np-z2-9]{5}$/);
    expect(normaliseRecoveryCode(' ABCDE-fghij ')).to.equal('abcdefghij');
    expect(normaliseRecoveryCode('abcde fghij')).to.equal('abcdefghij');
  });
});

describe('one-time credentials in e-mails', () => {
  it('when a mail carries a link or a code that works once, then only those are left out of what the mailbox shows', () => {
    expect([...CARRIES_CREDENTIAL]).to.include.members(['consent-request', 'company-invitation', 'mfa-enrolment-code']);
    expect(withoutCredential('mfa-enrolment-code', { code: '123456', name: '王', minutes: 10 })).to.deep.equal({ name: '王', minutes: 10 });
    expect(withoutCredential('consent-request', { link: 'https://x/consent/t', teamName: '团队' })).to.deep.equal({ teamName: '团队' });
    const notice = { link: 'https://x/account/security', event: 'mfa_enabled' };
    expect(withoutCredential('account-security', notice)).to.equal(notice);
  });
});
