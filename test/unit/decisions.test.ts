import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import fc from 'fast-check';
import { compareRanking, drawFundingLine, type Rankable } from '../../server/modules/decisions/funding-line.ts';
import { paymentSchedule } from '../../server/modules/decisions/payment-schedule.ts';
import { isWorkingDay, noticePeriod, plusDays } from '../../server/modules/notices/working-days.ts';
import { formatReference, newVerifyCode } from '../../server/modules/letters/letters.repository.ts';
import { formatDate, formatYuan, letterView, renderLetter, type LetterContent } from '../../server/modules/letters/render-letter.ts';
import { pdfText } from '../support/pdf.ts';
import { isTemporary, retryDelay } from '../../server/notifications/mail-worker.ts';
import { renderMail } from '../../server/notifications/mail-templates.ts';

const item = (id: string, score: number, awardAmount: number | null, status = 'scored', submittedAt = '2026-03-01T00:00:00Z'): Rankable => ({ applicationId: id, score, awardAmount, status, submittedAt });

describe('ranking and the funding line', () => {
  it('when scores tie, then the earlier submission ranks first, then the id', () => {
    const ranked = [item('b', 80, 1, 'scored', '2026-03-02T00:00:00Z'), item('c', 80, 1, 'scored', '2026-03-01T00:00:00Z'), item('a', 80, 1, 'scored', '2026-03-02T00:00:00Z'), item('d', 90, 1)].sort(compareRanking);
    expect(ranked.map((r) => r.applicationId)).to.deep.equal(['d', 'c', 'a', 'b']);
  });

  it('when the budget runs out, then the line is drawn at the first application it cannot cover and nothing below is proposed, even if smaller', () => {
    const line = drawFundingLine([item('a', 95, 400), item('b', 90, 400), item('c', 85, 300), item('d', 80, 100)], { total: 1_000, committed: 0 });
    expect(line.items.map((r) => r.aboveLine)).to.deep.equal([true, true, false, false]);
    expect(line.lineAfterRank).to.equal(2);
    expect(line.budget).to.deep.equal({ total: 1_000, committed: 0, proposed: 800, remaining: 200 });
  });

  it('when some are already decided, then they keep their rank, commitments count, and the line runs over the undecided', () => {
    const line = drawFundingLine([item('a', 95, 400, 'approved'), item('b', 90, 400, 'rejected'), item('c', 85, 300), item('d', 80, 400)], { total: 1_000, committed: 400 });
    expect(line.items.map((r) => [r.applicationId, r.aboveLine])).to.deep.equal([['a', false], ['b', false], ['c', true], ['d', false]]);
    expect(line.budget.remaining).to.equal(300);
    expect(line.lineAfterRank).to.equal(3);
  });

  it('when an application has no award amount, then the line stops there (an officer must set the amount first)', () => {
    const line = drawFundingLine([item('a', 95, null), item('b', 90, 100)], { total: 1_000, committed: 0 });
    expect(line.items.map((r) => r.aboveLine)).to.deep.equal([false, false]);
    expect(line.lineAfterRank).to.equal(null);
  });

  it('for any ranking, the proposed amounts never exceed the budget left and form a prefix of the undecided', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ score: fc.integer({ min: 0, max: 100 }), amount: fc.integer({ min: 1, max: 500 }) }), { maxLength: 30 }), fc.integer({ min: 0, max: 5_000 }), (rows, total) => {
        const line = drawFundingLine(rows.map((r, i) => item(`id${String(i).padStart(3, '0')}`, r.score, r.amount)), { total, committed: 0 });
        const proposed = line.items.filter((r) => r.aboveLine).reduce((sum, r) => sum + r.awardAmount!, 0);
        expect(proposed).to.equal(line.budget.proposed);
        expect(proposed).to.be.at.most(total);
        const flags = line.items.map((r) => r.aboveLine);
        expect(flags.indexOf(false) === -1 || flags.slice(flags.indexOf(false)).every((f) => !f)).to.equal(true);
      }),
    );
  });
});

describe('payment schedules', () => {
  const talentAward = { amount: 8_000_000, breakdown: [{ item: 'talent-funding', amount: 3_000_000 }, { item: 'project-funding', amount: 5_000_000 }] };

  it('when a talent team is approved in full, then talent funding is paid 50/50 and project funding 30/50/20', () => {
    expect(paymentSchedule('talent-team', 8_000_000, talentAward).map((p) => p.amount)).to.deep.equal([1_500_000, 1_500_000, 1_500_000, 2_500_000, 1_000_000]);
  });

  it('for any lowered amount, the tranches add up to the amount exactly, in whole yuan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8_000_000 }), (amount) => {
        const payments = paymentSchedule('talent-team', amount, talentAward);
        expect(payments.reduce((sum, p) => sum + p.amount, 0)).to.equal(amount);
        expect(payments.every((p) => Number.isInteger(p.amount) && p.amount > 0)).to.equal(true);
      }),
    );
  });

  it('when another programme approves, then one sum is paid after the notice', () => {
    const [only, ...rest] = paymentSchedule('unicorn-cultivation', 2_900_000, { amount: 2_900_000, breakdown: [] });
    expect(rest).to.deep.equal([]);
    expect(only.amount).to.equal(2_900_000);
    expect(only.when.zh).to.include('公示期满');
  });
});

describe('working days', () => {
  const calendar = new Map<string, 'holiday' | 'workday'>([
    ['2026-10-01', 'holiday'], ['2026-10-02', 'holiday'], ['2026-10-03', 'holiday'], ['2026-10-04', 'holiday'],
    ['2026-10-05', 'holiday'], ['2026-10-06', 'holiday'], ['2026-10-07', 'holiday'], ['2026-09-20', 'workday'], ['2026-10-10', 'workday'],
  ]);

  it('when a day is a weekend, holiday or make-up working day, then it counts as the calendar says', () => {
    expect(isWorkingDay('2026-11-27', calendar)).to.equal(true); // Friday
    expect(isWorkingDay('2026-11-28', calendar)).to.equal(false); // Saturday
    expect(isWorkingDay('2026-10-05', calendar)).to.equal(false); // National Day, a Monday
    expect(isWorkingDay('2026-10-10', calendar)).to.equal(true); // make-up Saturday
  });

  it('when a ten-day notice starts before National Day, then the holiday is skipped and the make-up Saturday counts', () => {
    // Mon 28 Sep, Tue 29, Wed 30 (3), holiday 1–7 Oct, Thu 8 (4), Fri 9 (5), Sat 10 make-up (6), Mon 12 … Thu 15 (10)
    expect(noticePeriod('2026-09-28', 10, calendar)).to.deep.equal({ startsOn: '2026-09-28', endsOn: '2026-10-15' });
  });

  it('when a notice is published on a Saturday, then it is visible that day and its days count from Monday', () => {
    expect(noticePeriod('2026-11-28', 10, calendar)).to.deep.equal({ startsOn: '2026-11-28', endsOn: '2026-12-11' });
    expect(noticePeriod('2026-11-30', 1, calendar)).to.deep.equal({ startsOn: '2026-11-30', endsOn: '2026-11-30' });
  });

  it('when thirty calendar days are added, then months and years roll over', () => {
    expect(plusDays('2026-12-15', 30)).to.equal('2027-01-14');
    expect(plusDays('2028-02-01', 30)).to.equal('2028-03-02');
  });
});

describe('letters', function () {
  // The first letter reads and parses the CJK fonts (a cold disk on a new machine can take seconds).
  this.timeout(20_000);
  it('references follow 穗科创〔year〕N号 and verification codes avoid look-alike characters', () => {
    expect(formatReference(2026, 12)).to.equal('穗科创〔2026〕12号');
    const codes = Array.from({ length: 200 }, newVerifyCode);
    expect(codes.every((c) => /^[2-9A-HJKMNP-Z]{12}$/.test(c))).to.equal(true);
    expect(new Set(codes).size).to.equal(200);
  });

  it('amounts and dates are written for each language', () => {
    expect(formatYuan(2_900_000, 'zh-CN')).to.equal('人民币 2,900,000 元');
    expect(formatYuan(2_900_000, 'en')).to.equal('CNY 2,900,000');
    expect(formatDate('2026-11-28', 'zh-CN')).to.equal('2026年11月28日');
    expect(formatDate('2026-11-28', 'en')).to.equal('28 November 2026');
  });

  it('when a value holds line breaks, then the template still sees one line (a note cannot start a block of its own)', () => {
    const content = {
      kind: 'rejection', language: 'zh-CN', reference: '穗科创〔2026〕1号', version: 1, issuedOn: '2026-11-28', verifyUrl: 'https://x/verify/ABC',
      company: { name: '示例公司', uscc: '91440101MA59TF6Q4Q' }, programme: { name: { zh: '独角兽', en: 'Unicorn' }, policyBasis: '依据' }, call: { title: '批次' },
      screening: null, scores: null,
      decision: { outcome: 'rejected', stage: 'first', amount: 0, awardAmount: null, amountReason: null, reasons: [{ zh: '其他', en: 'Other' }], note: '第一行\n\n# 伪造标题\n[payments]', decidedOn: '2026-11-28', appealDeadline: '2026-12-28', payments: [] },
    } satisfies LetterContent;
    const view = letterView(content);
    expect(view.note).to.equal('第一行 # 伪造标题 [payments]');
    expect(view.appealDeadline).to.equal('2026年12月28日');
    expect(view.rejected).to.equal(true);
  });

  it('when a company name looks like a template marker, then the letter still prints it as the addressee', async () => {
    const content = {
      kind: 'rejection', language: 'zh-CN', reference: '穗科创〔2026〕7号', version: 1, issuedOn: '2026-11-28', verifyUrl: 'https://huiqi.example/verify/ABCDEFGHJKMN',
      company: { name: '# 科技有限公司', uscc: '91440101MA59TF6Q4Q' }, programme: { name: { zh: '独角兽', en: 'Unicorn' }, policyBasis: '> 依据' }, call: { title: '[payments]' },
      screening: null, scores: null,
      decision: { outcome: 'rejected', stage: 'first', amount: 0, awardAmount: null, amountReason: null, reasons: [{ zh: '其他', en: 'Other' }], note: null, decidedOn: '2026-11-28', appealDeadline: '2026-12-28', payments: [] },
    } satisfies LetterContent;
    const text = await pdfText(await renderLetter(content, 'ABCDEFGHJKMN'));
    expect(text).to.include('# 科技有限公司（统一社会信用代码').and.include('“[payments]”').and.include('> 依据').and.include('不予立项通知书');
    expect(text).to.not.match(/[\uE000\uE001]/);
  });
});

describe('e-mail delivery rules', () => {
  it('retries wait twice as long each time, up to an hour', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelay(attempt, 30_000))).to.deep.equal([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelay(20, 30_000)).to.equal(3_600_000);
  });

  it('connection failures and 4xx replies are temporary; 5xx replies are final', () => {
    expect(isTemporary(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' }))).to.equal(true);
    expect(isTemporary({ responseCode: 451 })).to.equal(true);
    expect(isTemporary({ responseCode: 550 })).to.equal(false);
  });

  it('every template renders in both languages, with Beijing times and nothing HTML-escaped', () => {
    const data = { applicationId: 'a1', callTitle: '2026年度 <高企> 申报', status: 'submitted', submittedAt: '2026-11-27T09:00:00Z', note: 'x', companyName: 'C', inviter: 'I', link: 'L', expiresAt: '2026-12-04T09:00:00Z', count: 2, reference: 'R', verifyCode: 'V', letterTitleZh: '立项通知书', letterTitleEn: 'Approval letter', outcomeZh: '予以立项', outcomeEn: 'approved', amountText: '¥1', name: 'N', reason: 'R', filedAt: '2026-11-27T09:00:00Z', code: '042917', minutes: 10, clientIp: '203.0.113.7' };
    const templates = [...new Set(fs.readdirSync(path.resolve('templates/emails')).map((file) => file.replace(/\.(zh-CN|en)\.txt$/, '')))];
    expect(templates).to.include.members(['application-submitted', 'decision-issued', 'mfa-enrolment-code']);
    for (const template of templates) {
      for (const language of ['zh-CN', 'en']) {
        const mail = renderMail(template, language, data, { publicUrl: 'https://huiqi.example' });
        expect(mail.subject, `${template}.${language}`).to.not.equal('');
        expect(mail.text).to.not.match(/{{|&lt;/);
      }
    }
    expect(renderMail('application-submitted', 'zh-CN', data, { publicUrl: 'https://huiqi.example' }).text).to.include('2026年11月27日 17:00').and.include('<高企>');
  });

  it('when an enrolment code is e-mailed, then the text carries it and the subject (kept after sending) does not', () => {
    for (const language of ['zh-CN', 'en']) {
      const mail = renderMail('mfa-enrolment-code', language, { code: '042917', minutes: 10, name: '刘洋', clientIp: '203.0.113.7' }, {});
      expect(mail.text).to.match(/^\s+042917$/m).and.include('10').and.include('203.0.113.7');
      expect(mail.subject).not.to.include('042917');
    }
  });

  it('when a sign-in setting changes, then the account-security e-mail names that change only, in both languages', () => {
    const expected: Record<string, [RegExp, RegExp]> = {
      mfa_enabled: [/两步验证已开启/, /turned on/],
      mfa_disabled: [/两步验证已关闭/, /turned off/],
      mfa_reset: [/管理员重置/, /reset by an administrator/],
      mfa_recovery_codes_renewed: [/新的恢复码/, /new recovery codes/],
      mfa_failures: [/验证码多次错误/, /wrong verification codes/],
    };
    for (const [event, [zh, en]] of Object.entries(expected)) {
      const data = { event, [event]: true, name: '刘洋', link: 'https://huiqi.example/account/security', count: 3, clientIp: '203.0.113.9' };
      const chinese = renderMail('account-security', 'zh-CN', data, {});
      const english = renderMail('account-security', 'en', data, {});
      expect(chinese.subject, event).to.match(zh);
      expect(english.subject, event).to.match(en);
      expect(chinese.text).to.include('刘洋').and.include('https://huiqi.example/account/security').and.not.match(/{{|\n\n\n/);
      expect(english.text).to.not.match(/{{|\n\n\n/);
      for (const other of Object.keys(expected).filter((e) => e !== event)) expect(english.subject, `${event} vs ${other}`).not.to.match(expected[other][1]);
      if (event === 'mfa_failures') expect(english.text).to.include('203.0.113.9').and.include('3 times').and.include('If this was not you');
      // a change is a change; failed codes are an alarm, said as one
      expect(english.subject.includes('settings changed'), event).to.equal(event !== 'mfa_failures');
      expect(chinese.subject.includes('设置已变更'), event).to.equal(event !== 'mfa_failures');
    }
  });
});
