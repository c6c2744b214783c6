import type { ConditionNode, GradingTable, InputDef } from '../model';
import { SWATCHES } from './palette';

/** A checklist fact: yes/no, and a blank means "not recorded", which counts as not true. */
function fact(id: string, en: string, zh: string, aliases: string[] = []): InputDef {
  return { id, type: 'boolean', label: { en, zh }, aliases: [zh, en, ...aliases], required: false };
}

const yes = (input: string): ConditionNode => ({ input, op: '=', value: true });

/** The three facts every decision-maker reply (A06's ALL branch, A07, A31) starts from. */
const DECISION_MAKER_REPLIED: ConditionNode[] = [
  yes('dm_feedback'),
  yes('knows_our_offer'),
  yes('considered_decision'),
];

/** Industries of the national classification (GB/T 4754 sections); all but government and non-profit are targets. */
const INDUSTRIES: Array<{ id: string; en: string; zh: string; aliases: string[]; target: boolean }> = [
  {
    id: 'agriculture',
    en: 'Agriculture',
    zh: '农业',
    aliases: ['农林牧渔业', '农林牧渔', '农、林、牧、渔业'],
    target: true,
  },
  { id: 'mining', en: 'Mining', zh: '采矿业', aliases: ['采矿'], target: true },
  { id: 'manufacturing', en: 'Manufacturing', zh: '制造业', aliases: ['制造', '工业'], target: true },
  {
    id: 'utilities',
    en: 'Utilities',
    zh: '电力、热力、燃气及水生产和供应业',
    aliases: ['电力燃气水', '公用事业', 'Energy'],
    target: true,
  },
  { id: 'construction', en: 'Construction', zh: '建筑业', aliases: ['建筑'], target: true },
  {
    id: 'it',
    en: 'IT',
    zh: '信息传输、软件和信息技术服务业',
    aliases: ['信息技术', 'IT业', '软件', '互联网', 'Information technology', 'Software'],
    target: true,
  },
  {
    id: 'wholesale_retail',
    en: 'Wholesale & retail',
    zh: '批发和零售业',
    aliases: ['批发零售', '批发', '零售', 'Wholesale', 'Retail', 'Wholesale and retail'],
    target: true,
  },
  {
    id: 'transport',
    en: 'Transport & logistics',
    zh: '交通运输、仓储和邮政业',
    aliases: ['交通运输', '物流', '仓储', 'Transport', 'Logistics'],
    target: true,
  },
  {
    id: 'hospitality',
    en: 'Hospitality & catering',
    zh: '住宿和餐饮业',
    aliases: ['住宿餐饮', '餐饮', '酒店', 'Hospitality', 'Catering', 'Hotels and restaurants'],
    target: true,
  },
  { id: 'finance', en: 'Finance', zh: '金融业', aliases: ['金融', 'Financial services', 'Banking'], target: true },
  { id: 'real_estate', en: 'Real estate', zh: '房地产业', aliases: ['房地产', 'Property'], target: true },
  {
    id: 'leasing_business',
    en: 'Leasing & business services',
    zh: '租赁和商务服务业',
    aliases: ['租赁商务服务', '商务服务', '租赁', 'Business services', 'Leasing'],
    target: true,
  },
  {
    id: 'research',
    en: 'Research & technical services',
    zh: '科学研究和技术服务业',
    aliases: ['科研', '技术服务', 'Research'],
    target: true,
  },
  {
    id: 'residential_services',
    en: 'Residential services',
    zh: '居民服务、修理和其他服务业',
    aliases: ['居民服务业', '居民服务', 'Household services'],
    target: true,
  },
  {
    id: 'entertainment',
    en: 'Culture, sports & entertainment',
    zh: '文化、体育和娱乐业',
    aliases: ['娱乐业', '娱乐', '文体娱乐', 'Entertainment'],
    target: true,
  },
  { id: 'education', en: 'Education', zh: '教育', aliases: ['教育业', '培训'], target: true },
  {
    id: 'health',
    en: 'Health & social work',
    zh: '卫生和社会工作',
    aliases: ['医疗', '卫生', 'Healthcare'],
    target: true,
  },
  {
    id: 'government',
    en: 'Government',
    zh: '政府机关',
    aliases: ['政府', '公共管理', '公共管理、社会保障和社会组织', '事业单位', 'Public administration'],
    target: false,
  },
  {
    id: 'non_profit',
    en: 'Non-profit',
    zh: '非营利组织',
    aliases: ['非营利机构', '社会组织', '公益组织', 'NGO', 'Nonprofit'],
    target: false,
  },
];

/** A08's size threshold: the source leaves the amount open; this is an editable example. */
const MIN_ANNUAL_SALES = 5_000_000;

/**
 * grading-systems.md section 3, 客户十级分级标准: a checklist of yes/no facts per
 * level, evaluated from the most advanced level down (A31 before A08), first
 * match wins, A21 (raw lead) is the default.
 */
export const SALES_PIPELINE: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'sales-pipeline',
  name: { en: 'Ten-level sales pipeline', zh: '客户十级分级标准' },
  description: {
    en:
      'Each level is a checklist of yes/no facts; a blank fact means "not recorded" and counts as no. Levels are ' +
      'checked from the most advanced down: A01, A02, A03, A04, A05, A06, A07, A31, A08; the first that holds wins; ' +
      'a record matching none is A21 (raw lead). A31 (explicit rejection) is terminal. A08 needs company name, ' +
      'industry, size (annual sales), phone and fax known, the industry in the target list (every industry except ' +
      'government and non-profit) and annual sales over 5,000,000 CNY (an editable example: the source leaves the ' +
      'amount open). The tier score is the stage: A21 = 1 up to A01 = 9, A31 = 0.',
    zh:
      '每一级是一组“是/否”事实；空白表示“未记录”，按“否”处理。从最高级往下判断：A01、A02、A03、A04、A05、A06、' +
      'A07、A31、A08，第一个满足的级别即为结果；都不满足则为A21（资料级）。A31（明确拒绝）为终止状态。' +
      'A08要求已知公司名称、行业、规模（年销售额）、电话、传真五项关键信息，行业在目标行业名单内（除政府和非营利组织' +
      '以外的所有行业），且年销售额超过500万元（可修改的示例值，原资料未给出具体金额）。' +
      '级别分值：A21 = 1，逐级递增至A01 = 9，A31 = 0。',
  },
  category: 'pipeline',
  inputs: [
    fact('goods_used_up', 'Delivered goods used up', '已用完所交付货物', ['货物已用完', 'Goods used up']),
    fact('all_paid', 'All payments for this deal collected', '本单货款全部收回', ['货款已收齐', 'Fully paid']),
    fact('no_open_promises', 'No open conditional promises', '无未兑现的附条件承诺', [
      '无未兑现承诺',
      'No open promises',
    ]),
    fact('signed_agreement', 'Signed (stamped) LOI / agreement / contract', '已签署盖章的意向书/协议/合同', [
      '已签合同',
      '已签协议',
      'Signed contract',
      'Signed agreement',
    ]),
    fact('has_purchased', 'Has purchased', '已采购', ['已购买', 'Purchased']),
    fact('has_paid', 'Has paid', '已付款', ['已打款', 'Paid']),
    fact('dm_verbal_commit', 'Decision maker verbally commits', '决策人口头承诺', ['口头承诺', 'Verbal commitment']),
    fact(
      'substantive_action',
      'Substantive action taken (factory audit, samples, ...)',
      '已有实质行动（验厂、打样等）',
      ['实质行动', '验厂', '打样', 'Substantive action'],
    ),
    fact('purchase_within_2_months', 'Purchase expected within 2 months', '预计2个月内采购', [
      '2个月内采购',
      'Purchase within 2 months',
    ]),
    fact('deal_affordable', 'Expected deal total affordable to them', '预计成交总额对方可承受', [
      '成交金额可承受',
      'Deal affordable',
    ]),
    fact('price_acceptable', 'Their price within our acceptable range', '对方价格在我方可接受范围内', [
      '价格可接受',
      'Price acceptable',
    ]),
    fact('dm_feedback', 'Feedback from the decision maker', '决策人有反馈', ['决策人反馈', 'Decision-maker feedback']),
    fact('considered_decision', 'Considered, rational decision', '经过理性考虑后决定', [
      '理性决定',
      'Considered decision',
    ]),
    fact('needs_understood', 'We understand their needs in detail and can meet them', '详细了解其需求且能满足', [
      '了解需求',
      'Needs understood',
    ]),
    fact('fit_as_supplier', 'They understand us and find us fit as a supplier', '对方了解我方并认为我方适合做供应商', [
      '认可我方为合适供应商',
      'Fit as supplier',
    ]),
    fact('knows_our_quote', 'They know our quoted price', '对方知道我方报价', ['知道报价', 'Knows our quote']),
    fact('considering_switch', 'Considering a change of supplier', '考虑更换供应商', [
      '考虑换供应商',
      'Considering switch',
    ]),
    fact('dissatisfied_supplier', 'Dissatisfied with a current or past supplier', '对现有或以往供应商不满', [
      '对供应商不满',
      'Dissatisfied with supplier',
    ]),
    fact('talking_new_suppliers', 'Talking with new suppliers', '正在接触新供应商', [
      '接触新供应商',
      'Talking to new suppliers',
    ]),
    fact('knows_our_offer', 'Knows what we offer and our edge', '了解我方产品及优势', [
      '了解我方优势',
      'Knows our offer',
    ]),
    fact('asks_more_material', 'Asks for more material', '索要更多资料', ['索要资料', 'Asks for material']),
    fact('books_next_contact', 'Books a next contact', '约定下次联系', ['约下次联系', 'Next contact booked']),
    fact('asks_about_us', 'Asks about our company or product', '询问我方公司或产品', ['询问我方情况', 'Asks about us']),
    fact('reply_neutral', 'Reply neutral / vague / a soft put-off', '回复中性、含糊或推托', [
      '回复含糊',
      '推托',
      'Neutral reply',
      'Soft put-off',
    ]),
    fact('explicit_no', 'Explicit no ("not interested", "don\'t call again")', '明确拒绝（“不感兴趣”“别再打来”）', [
      '明确拒绝',
      'Explicit rejection',
      'Rejected',
    ]),
    fact('has_company_name', 'Company name known', '已知公司名称', ['已知公司名', 'Has company name']),
    fact('has_phone', 'Phone known', '已知电话', ['有电话', 'Has phone']),
    fact('has_fax', 'Fax known', '已知传真', ['有传真', 'Has fax']),
    {
      id: 'industry',
      type: 'category',
      label: { en: 'Industry', zh: '行业' },
      aliases: ['行业', '所属行业', '行业类别', 'Industry', 'Sector'],
      required: false,
      values: INDUSTRIES.map(({ id, en, zh, aliases }) => ({ id, label: { en, zh }, aliases: [zh, en, ...aliases] })),
    },
    {
      id: 'annual_sales',
      type: 'number',
      label: { en: 'Annual sales (size)', zh: '年销售额（规模）' },
      aliases: ['年销售额', '年营业额', '企业规模', '规模', 'Annual sales', 'Annual revenue', 'Company size'],
      required: false,
    },
  ],
  method: {
    kind: 'rules',
    rules: [
      { tier: 'A01', when: { all: [yes('goods_used_up'), yes('all_paid'), yes('no_open_promises')] } },
      { tier: 'A02', when: { any: [yes('signed_agreement'), yes('has_purchased'), yes('has_paid')] } },
      {
        tier: 'A03',
        when: { any: [yes('dm_verbal_commit'), yes('substantive_action'), yes('purchase_within_2_months')] },
      },
      { tier: 'A04', when: { all: [yes('deal_affordable'), yes('price_acceptable')] } },
      {
        tier: 'A05',
        when: {
          all: [
            yes('dm_feedback'),
            yes('considered_decision'),
            yes('needs_understood'),
            yes('fit_as_supplier'),
            yes('knows_our_quote'),
          ],
        },
      },
      {
        tier: 'A06',
        when: {
          any: [
            yes('considering_switch'),
            yes('dissatisfied_supplier'),
            yes('talking_new_suppliers'),
            {
              all: [
                ...DECISION_MAKER_REPLIED,
                { any: [yes('asks_more_material'), yes('books_next_contact'), yes('asks_about_us')] },
              ],
            },
          ],
        },
      },
      { tier: 'A07', when: { all: [...DECISION_MAKER_REPLIED, yes('reply_neutral')] } },
      { tier: 'A31', when: { all: [...DECISION_MAKER_REPLIED, yes('explicit_no')] } },
      {
        tier: 'A08',
        when: {
          all: [
            yes('has_company_name'),
            yes('has_phone'),
            yes('has_fax'),
            { input: 'industry', op: 'in', values: INDUSTRIES.filter((i) => i.target).map((i) => i.id) },
            { input: 'annual_sales', op: '>', value: MIN_ANNUAL_SALES },
          ],
        },
      },
    ],
    default: 'A21',
  },
  tiers: [
    { id: 'A01', label: { en: 'A01 Closed out', zh: 'A01 结案级' }, score: 9, ...SWATCHES.deepGreen },
    { id: 'A02', label: { en: 'A02 Won', zh: 'A02 成交级' }, score: 8, ...SWATCHES.green },
    { id: 'A03', label: { en: 'A03 Closing', zh: 'A03 冲刺级' }, score: 7, ...SWATCHES.lightGreen },
    { id: 'A04', label: { en: 'A04 Price agreed', zh: 'A04 价格级' }, score: 6, ...SWATCHES.lime },
    { id: 'A05', label: { en: 'A05 Intent', zh: 'A05 意向级' }, score: 5, ...SWATCHES.paleYellow },
    { id: 'A06', label: { en: 'A06 Positive response', zh: 'A06 积极回应' }, score: 4, ...SWATCHES.yellow },
    { id: 'A07', label: { en: 'A07 Not rejecting', zh: 'A07 不拒绝' }, score: 3, ...SWATCHES.lightOrange },
    { id: 'A08', label: { en: 'A08 In scope', zh: 'A08 范围级' }, score: 2, ...SWATCHES.blue },
    {
      id: 'A21',
      label: { en: 'A21 Raw lead', zh: 'A21 资料级' },
      score: 1,
      ...SWATCHES.grey,
      strategy: {
        en: 'Any prospect record from any channel (old customers, web, trade fairs, job fairs, friends): complete the 5 key facts.',
        zh: '任何渠道（老客户、网络、展会、招聘会、朋友介绍）获得的潜在客户资料：补全五项关键信息。',
      },
    },
    {
      id: 'A31',
      label: { en: 'A31 Explicit rejection', zh: 'A31 明确拒绝' },
      score: 0,
      ...SWATCHES.red,
      strategy: {
        en: 'Terminal state: record at least one real reason for the rejection.',
        zh: '终止状态：最好记录至少一条真实的拒绝原因。',
      },
    },
  ],
};
