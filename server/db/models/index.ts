// Sequelize models mirror the tables that migrations create. Only repositories import them;
// repositories hand plain objects to use cases.
import { DataTypes, Model, type Sequelize, type InferAttributes, type InferCreationAttributes, type CreationOptional } from 'sequelize';

export class CompanyModel extends Model<InferAttributes<CompanyModel>, InferCreationAttributes<CompanyModel>> {
  declare id: CreationOptional<string>;
  declare name: string;
  declare uscc: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class UserModel extends Model<InferAttributes<UserModel>, InferCreationAttributes<UserModel>> {
  declare id: CreationOptional<string>;
  declare email: string;
  declare passwordHash: string;
  declare displayName: string;
  declare roles: string[];
  declare companyId: string | null;
  declare companyRole: CreationOptional<'owner' | 'editor' | null>;
  declare language: CreationOptional<string>;
  declare disabledAt: Date | null;
  declare lastSignInAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class ReviewerProfileModel extends Model<InferAttributes<ReviewerProfileModel>, InferCreationAttributes<ReviewerProfileModel>> {
  declare userId: string;
  declare kind: 'technical' | 'financial';
  declare fields: string[];
  declare active: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class AuditEventModel extends Model<InferAttributes<AuditEventModel>, InferCreationAttributes<AuditEventModel>> {
  declare id: CreationOptional<number>;
  declare at: CreationOptional<Date>;
  declare actorId: string | null;
  declare actorLabel: string | null;
  declare clientIp: string | null;
  declare action: string;
  declare entityType: string;
  declare entityId: string | null;
  declare companyId: string | null;
  declare before: unknown;
  declare after: unknown;
  declare meta: unknown;
}

export class ProgrammeModel extends Model<InferAttributes<ProgrammeModel>, InferCreationAttributes<ProgrammeModel>> {
  declare code: string;
  declare nameZh: string;
  declare nameEn: string;
  declare summaryZh: string;
  declare summaryEn: string;
  declare policyBasis: string;
  declare planAction: string | null;
  declare sortOrder: number;
  declare blindIdentity: CreationOptional<boolean>;
  declare spreadMargin: CreationOptional<string>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class CallModel extends Model<InferAttributes<CallModel>, InferCreationAttributes<CallModel>> {
  declare id: CreationOptional<string>;
  declare programmeCode: string;
  declare title: string;
  declare opensAt: Date;
  declare closesAt: Date;
  declare graceMinutes: CreationOptional<number>;
  declare budget: number;
  declare committed: CreationOptional<number>;
  declare reviewersPerApplication: CreationOptional<number>;
  declare createdBy: string | null;
  declare ruleSetUid: number | null;
  declare awardRuleSetUid: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class RuleSetModel extends Model<InferAttributes<RuleSetModel>, InferCreationAttributes<RuleSetModel>> {
  declare uid: CreationOptional<number>;
  declare id: string;
  declare kind: 'eligibility' | 'award';
  declare version: number;
  declare programmeCode: string;
  declare effectiveFrom: string;
  declare effectiveTo: string | null;
  declare parameters: unknown;
  declare note: string | null;
  declare basedOnVersion: number | null;
  declare createdBy: string | null;
  declare createdAt: CreationOptional<Date>;
}

export class ApplicationModel extends Model<InferAttributes<ApplicationModel>, InferCreationAttributes<ApplicationModel>> {
  declare id: CreationOptional<string>;
  declare callId: string;
  declare companyId: string;
  declare status: CreationOptional<string>;
  declare version: CreationOptional<number>;
  declare facts: CreationOptional<Record<string, unknown>>;
  declare screening: CreationOptional<object | null>;
  declare ruleSetUid: CreationOptional<number | null>;
  declare submittedAt: CreationOptional<Date | null>;
  declare submissionKey: CreationOptional<string | null>;
  declare reviewResult: CreationOptional<object | null>;
  declare score: CreationOptional<string | null>;
  declare scoreFlagged: CreationOptional<boolean>;
  declare scoredAt: CreationOptional<Date | null>;
  declare createdBy: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class ApplicationTransitionModel extends Model<InferAttributes<ApplicationTransitionModel>, InferCreationAttributes<ApplicationTransitionModel>> {
  declare id: CreationOptional<number>;
  declare applicationId: string;
  declare fromStatus: string | null;
  declare toStatus: string;
  declare event: string;
  declare byUser: string | null;
  declare note: string | null;
  declare changes: unknown;
  declare at: CreationOptional<Date>;
}

export class DocumentModel extends Model<InferAttributes<DocumentModel>, InferCreationAttributes<DocumentModel>> {
  declare id: CreationOptional<string>;
  declare applicationId: string;
  declare kind: string;
  declare filename: string;
  declare mediaType: string;
  declare size: number;
  declare sha256: string;
  declare uploadedBy: string | null;
  declare createdAt: CreationOptional<Date>;
  declare deletedAt: CreationOptional<Date | null>;
}

export class MailOutboxModel extends Model<InferAttributes<MailOutboxModel>, InferCreationAttributes<MailOutboxModel>> {
  declare id: CreationOptional<number>;
  declare toAddress: string;
  declare template: string;
  declare language: string;
  declare data: unknown;
  declare status: CreationOptional<string>;
  declare attempts: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare sentAt: CreationOptional<Date | null>;
}

export class CompanyInvitationModel extends Model<InferAttributes<CompanyInvitationModel>, InferCreationAttributes<CompanyInvitationModel>> {
  declare id: CreationOptional<string>;
  declare companyId: string;
  declare email: string;
  declare role: 'owner' | 'editor';
  declare tokenHash: string;
  declare invitedBy: string;
  declare expiresAt: Date;
  declare acceptedAt: CreationOptional<Date | null>;
  declare acceptedBy: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
}

export type Models = {
  Company: typeof CompanyModel;
  User: typeof UserModel;
  ReviewerProfile: typeof ReviewerProfileModel;
  AuditEvent: typeof AuditEventModel;
  Programme: typeof ProgrammeModel;
  Call: typeof CallModel;
  RuleSet: typeof RuleSetModel;
  Application: typeof ApplicationModel;
  ApplicationTransition: typeof ApplicationTransitionModel;
  Document: typeof DocumentModel;
  MailOutbox: typeof MailOutboxModel;
  CompanyInvitation: typeof CompanyInvitationModel;
};

const timestamps = {
  createdAt: { type: DataTypes.DATE, field: 'created_at' },
  updatedAt: { type: DataTypes.DATE, field: 'updated_at' },
};

export function defineModels(sequelize: Sequelize): Models {
  CompanyModel.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      name: { type: DataTypes.TEXT, allowNull: false },
      uscc: { type: DataTypes.CHAR(18), allowNull: false },
      ...timestamps,
    },
    { sequelize, tableName: 'companies' },
  );
  UserModel.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      email: { type: DataTypes.TEXT, allowNull: false },
      passwordHash: { type: DataTypes.TEXT, allowNull: false },
      displayName: { type: DataTypes.TEXT, allowNull: false },
      roles: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false },
      companyId: { type: DataTypes.UUID },
      companyRole: { type: DataTypes.TEXT },
      language: { type: DataTypes.TEXT, defaultValue: 'zh-CN' },
      disabledAt: { type: DataTypes.DATE },
      lastSignInAt: { type: DataTypes.DATE },
      ...timestamps,
    },
    { sequelize, tableName: 'users' },
  );
  ReviewerProfileModel.init(
    {
      userId: { type: DataTypes.UUID, primaryKey: true },
      kind: { type: DataTypes.TEXT, allowNull: false },
      fields: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false },
      active: { type: DataTypes.BOOLEAN, defaultValue: true },
      ...timestamps,
    },
    { sequelize, tableName: 'reviewer_profiles' },
  );
  AuditEventModel.init(
    {
      id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
      at: { type: DataTypes.DATE, defaultValue: DataTypes.NOW },
      actorId: { type: DataTypes.UUID },
      actorLabel: { type: DataTypes.TEXT },
      clientIp: { type: DataTypes.TEXT },
      action: { type: DataTypes.TEXT, allowNull: false },
      entityType: { type: DataTypes.TEXT, allowNull: false },
      entityId: { type: DataTypes.TEXT },
      companyId: { type: DataTypes.UUID },
      before: { type: DataTypes.JSONB },
      after: { type: DataTypes.JSONB },
      meta: { type: DataTypes.JSONB },
    },
    { sequelize, tableName: 'audit_events', timestamps: false },
  );
  ProgrammeModel.init(
    {
      code: { type: DataTypes.TEXT, primaryKey: true },
      nameZh: { type: DataTypes.TEXT, allowNull: false },
      nameEn: { type: DataTypes.TEXT, allowNull: false },
      summaryZh: { type: DataTypes.TEXT, allowNull: false },
      summaryEn: { type: DataTypes.TEXT, allowNull: false },
      policyBasis: { type: DataTypes.TEXT, allowNull: false },
      planAction: { type: DataTypes.TEXT },
      sortOrder: { type: DataTypes.INTEGER, defaultValue: 0 },
      blindIdentity: { type: DataTypes.BOOLEAN, defaultValue: false },
      spreadMargin: { type: DataTypes.DECIMAL(6, 2), defaultValue: '15' },
      ...timestamps,
    },
    { sequelize, tableName: 'programmes' },
  );
  CallModel.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      programmeCode: { type: DataTypes.TEXT, allowNull: false },
      title: { type: DataTypes.TEXT, allowNull: false },
      opensAt: { type: DataTypes.DATE, allowNull: false },
      closesAt: { type: DataTypes.DATE, allowNull: false },
      graceMinutes: { type: DataTypes.INTEGER, defaultValue: 0 },
      budget: { type: DataTypes.BIGINT, allowNull: false },
      committed: { type: DataTypes.BIGINT, defaultValue: 0 },
      reviewersPerApplication: { type: DataTypes.INTEGER, defaultValue: 5 },
      createdBy: { type: DataTypes.UUID },
      ruleSetUid: { type: DataTypes.BIGINT },
      awardRuleSetUid: { type: DataTypes.BIGINT },
      ...timestamps,
    },
    { sequelize, tableName: 'calls' },
  );
  RuleSetModel.init(
    {
      uid: { type: DataTypes.BIGINT, autoIncrement: true, unique: true },
      id: { type: DataTypes.TEXT, primaryKey: true },
      kind: { type: DataTypes.TEXT, primaryKey: true },
      version: { type: DataTypes.INTEGER, primaryKey: true },
      programmeCode: { type: DataTypes.TEXT, allowNull: false },
      effectiveFrom: { type: DataTypes.DATEONLY, allowNull: false },
      effectiveTo: { type: DataTypes.DATEONLY },
      parameters: { type: DataTypes.JSONB, allowNull: false },
      note: { type: DataTypes.TEXT },
      basedOnVersion: { type: DataTypes.INTEGER },
      createdBy: { type: DataTypes.UUID },
      createdAt: { type: DataTypes.DATE, field: 'created_at' },
    },
    { sequelize, tableName: 'rule_sets', timestamps: true, updatedAt: false },
  );
  ApplicationModel.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      callId: { type: DataTypes.UUID, allowNull: false },
      companyId: { type: DataTypes.UUID, allowNull: false },
      status: { type: DataTypes.TEXT, defaultValue: 'draft' },
      version: { type: DataTypes.INTEGER, defaultValue: 1 },
      facts: { type: DataTypes.JSONB, defaultValue: {} },
      screening: { type: DataTypes.JSONB },
      ruleSetUid: { type: DataTypes.BIGINT },
      submittedAt: { type: DataTypes.DATE },
      submissionKey: { type: DataTypes.TEXT },
      reviewResult: { type: DataTypes.JSONB },
      score: { type: DataTypes.DECIMAL(7, 2) },
      scoreFlagged: { type: DataTypes.BOOLEAN, defaultValue: false },
      scoredAt: { type: DataTypes.DATE },
      createdBy: { type: DataTypes.UUID },
      ...timestamps,
    },
    { sequelize, tableName: 'applications' },
  );
  ApplicationTransitionModel.init(
    {
      id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
      applicationId: { type: DataTypes.UUID, allowNull: false },
      fromStatus: { type: DataTypes.TEXT },
      toStatus: { type: DataTypes.TEXT, allowNull: false },
      event: { type: DataTypes.TEXT, allowNull: false },
      byUser: { type: DataTypes.UUID },
      note: { type: DataTypes.TEXT },
      changes: { type: DataTypes.JSONB },
      at: { type: DataTypes.DATE, defaultValue: DataTypes.NOW },
    },
    { sequelize, tableName: 'application_transitions', timestamps: false },
  );
  DocumentModel.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      applicationId: { type: DataTypes.UUID, allowNull: false },
      kind: { type: DataTypes.TEXT, allowNull: false },
      filename: { type: DataTypes.TEXT, allowNull: false },
      mediaType: { type: DataTypes.TEXT, allowNull: false },
      size: { type: DataTypes.BIGINT, allowNull: false },
      sha256: { type: DataTypes.CHAR(64), allowNull: false },
      uploadedBy: { type: DataTypes.UUID },
      createdAt: { type: DataTypes.DATE, field: 'created_at' },
      deletedAt: { type: DataTypes.DATE },
    },
    { sequelize, tableName: 'documents', timestamps: true, updatedAt: false },
  );
  MailOutboxModel.init(
    {
      id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
      toAddress: { type: DataTypes.TEXT, allowNull: false },
      template: { type: DataTypes.TEXT, allowNull: false },
      language: { type: DataTypes.TEXT, defaultValue: 'zh-CN' },
      data: { type: DataTypes.JSONB, allowNull: false },
      status: { type: DataTypes.TEXT, defaultValue: 'queued' },
      attempts: { type: DataTypes.INTEGER, defaultValue: 0 },
      createdAt: { type: DataTypes.DATE, field: 'created_at' },
      sentAt: { type: DataTypes.DATE },
    },
    { sequelize, tableName: 'mail_outbox', timestamps: true, updatedAt: false },
  );
  CompanyInvitationModel.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      companyId: { type: DataTypes.UUID, allowNull: false },
      email: { type: DataTypes.TEXT, allowNull: false },
      role: { type: DataTypes.TEXT, allowNull: false },
      tokenHash: { type: DataTypes.CHAR(64), allowNull: false },
      invitedBy: { type: DataTypes.UUID, allowNull: false },
      expiresAt: { type: DataTypes.DATE, allowNull: false },
      acceptedAt: { type: DataTypes.DATE },
      acceptedBy: { type: DataTypes.UUID },
      createdAt: { type: DataTypes.DATE, field: 'created_at' },
    },
    { sequelize, tableName: 'company_invitations', timestamps: true, updatedAt: false },
  );
  return {
    Company: CompanyModel,
    User: UserModel,
    ReviewerProfile: ReviewerProfileModel,
    AuditEvent: AuditEventModel,
    Programme: ProgrammeModel,
    Call: CallModel,
    RuleSet: RuleSetModel,
    Application: ApplicationModel,
    ApplicationTransition: ApplicationTransitionModel,
    Document: DocumentModel,
    MailOutbox: MailOutboxModel,
    CompanyInvitation: CompanyInvitationModel,
  };
}
