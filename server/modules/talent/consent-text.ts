// The consent a member gives (PIPL art. 29: separate consent to processing sensitive personal information). The
// version is stored with every consent; a new wording gets a new version.
export const CONSENT_TEXT_VERSION = 'pipl-29-v1';

export const CONSENT_TEXT = {
  zh:
    '本人同意所在单位及惠企平台为申报广州市人才团队支持和积分制入户认定之目的，处理本人的身份证号码、出生日期、学历等敏感个人信息。' +
    '上述信息仅用于资格审查、积分核定和结果通知，加密存储，经办人员仅在核查需要时经记录后查看，项目结束后按规定期限删除或匿名化。' +
    '本人可随时撤回同意，撤回后本人的身份证号码将被删除，但不影响撤回前基于同意已进行的处理。',
  en:
    'I agree that my employer and the Huiqi platform process my ID number, date of birth, education and other sensitive personal ' +
    "information for applying to Guangzhou's talent-team support and residence-point recognition. The information is used only for " +
    'eligibility checks, points confirmation and notices; it is stored encrypted, officers see it only when a check requires it and ' +
    'every such view is recorded, and it is deleted or anonymised within the set period after the programme ends. I may withdraw ' +
    'this consent at any time; my ID number is then deleted, without affecting processing carried out before the withdrawal.',
};
