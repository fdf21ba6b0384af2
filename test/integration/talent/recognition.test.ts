import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { QueryTypes } from 'sequelize';
import { TestClient } from '../../support/client.ts';
import { pdfText } from '../../support/pdf.ts';
import { signedInApplicant, signedInStaff } from '../../support/factories.ts';

// The residence-points case of shared/policy: a 1990 graduate with a matching mid title (176 points on 2020-06-30).
const memberFacts = {
  permitCity: 'guangzhou',
  permitValidTo: '2021-12-31',
  permitYears: 5,
  ownsHome: false,
  rentalYears: 3,
  movedOutYears: 0,
  socialInsuranceMonths: 60,
  insuranceYears: { pension: 5, medical: 5, unemployment: 5, workInjury: 5, maternity: 5 },
  education: 'bachelor',
  skill: 'mid_title',
  skillMatchesJob: true,
  patents: [{ type: 'invention', inventors: 3, firstInventor: true, grantedOn: '2019-03-01' }],
  hteYears: 2,
  bloodDonations: 1,
  volunteerHours: 120,
  criminalRecord5y: false,
};

describe('residence-point recognition for team members', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => {
    await app.close();
  });

  it('when a firm computes a member’s points, then the birth date comes from their ID number, every item is listed, and an officer confirms with adjusted items', async () => {
    const firm = await signedInApplicant(app.baseUrl);
    // born 15 May 1990: 30 on 2020-06-30
    const first17 = '44010619900515123';
    const { residentIdCheckCharacter } = await import('../../../server/lib/resident-id.ts');
    const idNumber = first17 + residentIdCheckCharacter(first17);
    const team = await firm.client.post('/api/talent-teams', { name: '积分测试团队', members: [{ name: '刘洋', role: 'core', idNumber, consent: true }] });
    const memberId = team.body.members[0].id;
    const path = `/api/talent-teams/${team.body.id}/members/${memberId}/points`;

    const wrong = await firm.client.post(path, { facts: { ...memberFacts, permitYears: 'five' }, asOf: '2020-06-30' });
    expect(wrong.status).to.equal(400);
    expect(wrong.body.errors[0].field).to.equal('facts.permitYears');

    expect((await firm.client.post(path, { facts: memberFacts, asOf: '2020-02-30' })).body.errors[0].field).to.equal('asOf');
    const computed = await firm.client.post(path, { facts: memberFacts, asOf: '2020-06-30' });
    expect(computed.status, computed.text).to.equal(200);
    // 176 for the policy case, plus the patent: an invention of 3 inventors, first inventor → 2/4 of 20 = 10
    expect(computed.body.score).to.equal(186);
    expect(computed.body.outcome).to.equal('eligible');
    const items = Object.fromEntries(computed.body.scoreItems.map((i: { id: string; points: number }) => [i.id, i.points]));
    expect(items).to.include({ 'PT-B4': 30, 'PT-B3': 50, 'PT-P1': 40, 'PT-P2a': 10 });
    expect(computed.body.request.status).to.equal('draft');
    expect(computed.text).to.not.include(idNumber);
    // the birth date read from the ID number served the computation and is not kept beside the last four characters
    const draft = await firm.client.get(`/api/recognition-requests/${computed.body.request.id}`);
    expect(draft.body.facts).to.not.have.property('birthDate');

    const requestId = computed.body.request.id;
    const { client: officer } = await signedInStaff(app.baseUrl, app.db, ['officer']);
    expect((await officer.post(`/api/recognition-requests/${requestId}/confirmation`, { adjustments: [] })).body.code).to.equal('invalid_transition');
    const submitted = await firm.client.post(`/api/recognition-requests/${requestId}/submit`);
    expect(submitted.status, submitted.text).to.equal(200);
    expect(submitted.body.status).to.equal('submitted');
    expect((await firm.client.post(path, { facts: memberFacts, asOf: '2020-06-30' })).body.code).to.equal('invalid_transition');

    const queue = await officer.get('/api/recognition-requests?status=submitted&limit=200');
    expect(queue.body.items.some((r: { id: string }) => r.id === requestId)).to.equal(true);
    const unknown = await officer.post(`/api/recognition-requests/${requestId}/confirmation`, { adjustments: [{ item: 'PT-X9', points: 5, reason: '无此项' }] });
    expect(unknown.body.errors[0].field).to.equal('adjustments[0].item');
    const confirmed = await officer.post(`/api/recognition-requests/${requestId}/confirmation`, {
      adjustments: [
        { item: 'PT-P2a', points: 0, reason: '专利地址不在广州，不予计分' },
        { item: 'PT-P5', points: 6, reason: '近三年个人所得税纳税记录核实' },
      ],
    });
    expect(confirmed.status, confirmed.text).to.equal(200);
    expect(confirmed.body).to.include({ status: 'confirmed', computedPoints: 186, confirmedPoints: 182, confirmedOutcome: 'eligible' });
    // the member's recognition letter: issued on confirmation, with every item, the reason and the total, verifiable
    const view = await firm.client.get(`/api/recognition-requests/${requestId}`);
    expect(view.body.letters).to.have.length(1);
    const letter = view.body.letters[0];
    expect(letter).to.include({ kind: 'recognition', version: 1 });
    const text = await pdfText((await firm.client.download(`/api/letters/${letter.id}/pdf`)).content);
    expect(text).to.include('积分制入户积分认定通知书').and.include('182.00').and.include('专利地址不在广州').and.include(`**************${idNumber.slice(-4)}`).and.include('PT-P5');
    expect(text).to.not.include(idNumber);
    const verified = await new TestClient(app.baseUrl).get(`/api/verify/${letter.verifyCode}`);
    expect(verified.body).to.include({ kind: 'recognition', outcome: 'recognised', programme: 'residence-points', status: 'valid' });
    const outsider = await signedInApplicant(app.baseUrl);
    expect((await outsider.client.download(`/api/letters/${letter.id}/pdf`)).status).to.equal(404);
    const [mail] = await app.db.sequelize.query<{ template: string; attachments: unknown[] }>("SELECT template, attachments FROM mail_outbox WHERE template = 'recognition-issued' AND to_address = :to", {
      replacements: { to: firm.input.email.toLowerCase() },
      type: QueryTypes.SELECT,
    });
    expect(mail.attachments).to.deep.equal([{ letterId: letter.id }]);

    const summary = await firm.client.get(`/api/recognition-requests?teamId=${team.body.id}`);
    expect(summary.body.items).to.have.length(1);
    expect(summary.body.items[0]).to.include({ confirmedPoints: 182, status: 'confirmed' });
    expect(summary.body.items[0].member.idNumberMasked).to.equal(`**************${idNumber.slice(-4)}`);

    const stranger = await signedInApplicant(app.baseUrl);
    expect((await stranger.client.get(`/api/recognition-requests/${requestId}`)).status).to.equal(404);
    expect((await stranger.client.get('/api/recognition-requests')).body.total).to.equal(0);
  });
});
