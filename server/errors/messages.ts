// The one catalogue of error codes: HTTP status and the user's message in zh-CN and en.
import { format, type Bilingual } from '../i18n/language.ts';

type ErrorEntry = { status: number; title: Bilingual };

export const errorCatalogue = {
  validation_failed: { status: 400, title: { zh: '提交的信息有误，请按提示修改', en: 'Some of the information is not valid. Correct it and try again' } },
  invalid_json: { status: 400, title: { zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' } },
  invalid_upload: { status: 400, title: { zh: '上传的内容不完整或格式有误，请重新上传', en: 'The upload was incomplete or malformed. Upload it again' } },
  unauthenticated: { status: 401, title: { zh: '请先登录', en: 'Sign in to continue' } },
  invalid_credentials: { status: 401, title: { zh: '邮箱或密码不正确', en: 'The email or password is not correct' } },
  session_expired: { status: 401, title: { zh: '登录已过期，请重新登录', en: 'Your session has expired. Sign in again' } },
  forbidden: { status: 403, title: { zh: '您没有执行此操作的权限', en: 'You do not have permission to do this' } },
  csrf_failed: { status: 403, title: { zh: '安全校验失败，请刷新页面后重试', en: 'The security check failed. Reload the page and try again' } },
  not_found: { status: 404, title: { zh: '找不到该资源', en: 'Not found' } },
  method_not_allowed: { status: 405, title: { zh: '不支持该请求方法', en: 'This method is not allowed here' } },
  company_exists: { status: 409, title: { zh: '该统一社会信用代码的企业已注册，请联系贵单位管理员邀请您加入', en: 'A company with this unified social credit code is already registered. Ask its administrator to invite you' } },
  email_taken: { status: 409, title: { zh: '该邮箱已注册', en: 'An account with this email already exists' } },
  version_conflict: { status: 409, title: { zh: '内容已被他人修改，请刷新后重试', en: 'Someone else changed this. Reload and try again' } },
  application_exists: { status: 409, title: { zh: '贵单位已在本批次创建了申报', en: 'Your company already has an application in this call' } },
  application_locked: { status: 409, title: { zh: '申报已提交，不能再修改', en: 'The application has been submitted and can no longer be changed' } },
  invalid_transition: { status: 409, title: { zh: '当前状态下不能执行此操作', en: 'This cannot be done in the application’s current status' } },
  documents_missing: { status: 409, title: { zh: '请先上传所有必需的材料', en: 'Upload every required document first' } },
  call_closed: { status: 409, title: { zh: '申报已截止', en: 'The call is closed' } },
  conflict_already_declared: { status: 409, title: { zh: '您已就该评审任务作出利益冲突声明', en: 'You have already declared on conflicts of interest for this review' } },
  conflict_not_declared: { status: 409, title: { zh: '请先作出利益冲突声明', en: 'Declare whether you have a conflict of interest first' } },
  review_submitted: { status: 409, title: { zh: '评分已提交，不能再修改', en: 'The scores have been submitted and can no longer be changed' } },
  assignment_released: { status: 409, title: { zh: '该评审任务已解除', en: 'This review assignment has been released' } },
  reviewer_conflict: { status: 409, title: { zh: '该专家与申报单位存在利益冲突，不能分配', en: 'This reviewer has a conflict of interest with the applicant and cannot be assigned' } },
  already_assigned: { status: 409, title: { zh: '该专家已在此申报的评审组中', en: 'This reviewer is already on the application’s panel' } },
  application_not_reviewable: { status: 409, title: { zh: '该申报当前不在评审阶段', en: 'This application is not at the review stage' } },
  review_not_applicable: { status: 409, title: { zh: '该项目不设专家评审', en: 'This programme has no expert review' } },
  not_scored: { status: 409, title: { zh: '该申报尚未完成评分', en: 'This application has not been scored yet' } },
  budget_exceeded: { status: 409, title: { zh: '超出批次预算', en: 'This would exceed the call budget' } },
  payload_too_large: { status: 413, title: { zh: '提交的内容过大', en: 'The request is too large' } },
  unsupported_media_type: { status: 415, title: { zh: '不支持该内容类型', en: 'This content type is not supported' } },
  too_many_requests: { status: 429, title: { zh: '请求过于频繁，请 {retryAfter} 秒后再试', en: 'Too many requests. Try again in {retryAfter} seconds' } },
  too_many_sign_in_attempts: { status: 429, title: { zh: '登录失败次数过多，请 {retryAfter} 秒后再试', en: 'Too many failed sign-in attempts. Try again in {retryAfter} seconds' } },
  internal_error: { status: 500, title: { zh: '系统出现问题，请稍后再试', en: 'Something went wrong. Try again later' } },
  service_unavailable: { status: 503, title: { zh: '服务暂时不可用，请稍后再试', en: 'The service is temporarily unavailable. Try again later' } },
} satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof errorCatalogue;

/** Field-level messages, keyed by joi error type or our own rule names. */
export const fieldMessages: Record<string, Bilingual> = {
  'any.required': { zh: '请填写此项', en: 'This field is required' },
  'string.empty': { zh: '请填写此项', en: 'This field is required' },
  'any.invalid': { zh: '此项的值无效', en: 'This value is not valid' },
  'any.only': { zh: '请从给定选项中选择', en: 'Choose one of the allowed values' },
  'any.unknown': { zh: '不允许提交此项', en: 'This field is not allowed' },
  'object.unknown': { zh: '不允许提交此项', en: 'This field is not allowed' },
  'object.base': { zh: '此项应为对象', en: 'This must be an object' },
  'array.base': { zh: '此项应为列表', en: 'This must be a list' },
  'boolean.base': { zh: '此项应为是或否', en: 'This must be true or false' },
  'number.base': { zh: '请输入数字', en: 'Enter a number' },
  'number.integer': { zh: '请输入整数', en: 'Enter a whole number' },
  'number.min': { zh: '不能小于 {limit}', en: 'Must be at least {limit}' },
  'number.max': { zh: '不能大于 {limit}', en: 'Must be at most {limit}' },
  'string.base': { zh: '此项应为文本', en: 'This must be text' },
  'string.email': { zh: '请输入有效的电子邮箱地址', en: 'Enter a valid email address' },
  'string.min': { zh: '至少需要 {limit} 个字符', en: 'Must be at least {limit} characters' },
  'string.max': { zh: '不能超过 {limit} 个字符', en: 'Must be at most {limit} characters' },
  'string.length': { zh: '应为 {limit} 个字符', en: 'Must be exactly {limit} characters' },
  'string.pattern.base': { zh: '格式不正确', en: 'The format is not valid' },
  'date.base': { zh: '请输入有效日期（YYYY-MM-DD）', en: 'Enter a valid date (YYYY-MM-DD)' },
  'date.format': { zh: '请输入有效日期（YYYY-MM-DD）', en: 'Enter a valid date (YYYY-MM-DD)' },
  'uscc.invalid': {
    zh: '统一社会信用代码无效：请输入 18 位代码并核对最后一位校验码',
    en: 'The unified social credit code is not valid: enter all 18 characters and check the last (check) character',
  },
  'password.weak': { zh: '密码至少 10 个字符，且不能全为相同字符', en: 'Use at least 10 characters, not all the same' },
  'company.registered': { zh: '该企业已注册', en: 'This company is already registered' },
  'email.registered': { zh: '该邮箱已注册，请直接登录', en: 'This email is already registered. Sign in instead' },
  'email.hasAccount': { zh: '该邮箱已有账户', en: 'This email already has an account' },
  'call.closesBeforeOpens': { zh: '截止时间必须晚于开始时间', en: 'The closing time must be after the opening time' },
  'call.budgetBelowCommitted': { zh: '预算不能低于已承诺的 {committed} 元', en: 'The budget cannot be below the {committed} yuan already committed' },
  'call.openingFixed': { zh: '已有申报的批次不能更改开始时间', en: 'The opening of a call with applications cannot move' },
  'ruleSet.kindAmbiguous': { zh: '请指明规则类型（eligibility 或 award）', en: 'Say which kind of rule set (eligibility or award)' },
  'ruleSet.endBeforeStart': { zh: '失效日期不能早于生效日期', en: 'The end date cannot be before the start date' },
  'ruleSet.unknownParameter': { zh: '该规则版本没有此参数', en: 'This rule set has no such parameter' },
  'ruleSet.shapeMismatch': { zh: '新值的类型或结构与原参数不一致', en: 'The new value does not have the type or structure of the old one' },
  'ruleSet.ratioRange': { zh: '比例应在 0 到 1 之间（例如 0.6 表示 60%）', en: 'A ratio is between 0 and 1 (0.6 means 60%)' },
  'ruleSet.notNegative': { zh: '应为不小于 0 的数', en: 'Must be a number of at least 0' },
  'ruleSet.notEvaluable': { zh: '这些参数无法用于资格计算，请检查', en: 'These parameters cannot be used for screening. Check them' },
  'document.kindNotAsked': { zh: '本项目不需要这类材料', en: 'This programme does not ask for this kind of document' },
  'document.required': { zh: '请上传：{label}', en: 'Upload: {label}' },
  'review.unknownItem': { zh: '评分表中没有此项', en: 'The rubric has no such item' },
  'review.outOfRange': { zh: '分值应在 {min} 到 {max} 之间', en: 'The score must be between {min} and {max}' },
  'review.tooPrecise': { zh: '分值最多保留两位小数', en: 'Use at most two decimal places' },
  'review.scoreRequired': { zh: '请为此项评分', en: 'Score this item' },
  'review.commentRequired': { zh: '请填写此项的评审意见', en: 'Write a comment for this item' },
  'review.noteRequired': { zh: '请说明利益冲突的情况', en: 'Describe the conflict of interest' },
  'review.panelTooSmall': { zh: '每个申报至少需要 {min} 名评审专家', en: 'Each application needs at least {min} reviewers' },
  'review.unknownReviewer': { zh: '找不到该评审专家', en: 'No such reviewer' },
  'review.moderationAboveMax': { zh: '分数不能超过 {max}', en: 'The score cannot exceed {max}' },
  'document.fileMissing': { zh: '请选择要上传的文件', en: 'Choose a file to upload' },
};

/** A field error from the catalogue; {placeholders} are filled from the AppError's params when sent. */
export function fieldError(field: string, key: keyof typeof fieldMessages & string, params?: Record<string, unknown>) {
  const message = fieldMessages[key];
  if (!params) return { field, message };
  return { field, message: { zh: format(message.zh, params), en: format(message.en, params) } };
}
