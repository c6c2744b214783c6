import type { ConditionNode, GradingTable } from '../model';
import { SWATCHES } from './palette';

const stage = (value: string): ConditionNode => ({ input: 'stage', op: '=', value });
const contactWith = (intent: string): ConditionNode => ({
  all: [stage('contact'), { input: 'intent', op: '=', value: intent }],
});

/**
 * grading-systems.md section 8, 客户管理等级划分标准: funnel grade A/B/C from the
 * furthest stage reached, strength (strong +, normal, weak -) from the status
 * cues, and D for a customer who was A/B/C and finally gave up.
 */
export const REAL_ESTATE: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'real-estate',
  name: { en: 'Real-estate funnel with strength', zh: '客户管理等级划分标准（房地产）' },
  description: {
    en:
      'Checked in this order: D gave up (was A/B/C, finally gave up); A+ signed purchase contract; A- signed ' +
      'purchase agreement but wavering; A signed purchase agreement, stable intent; B+ paid a deposit / bought a ' +
      'subscription card; B accepted internal subscription registration; B- left contact and visited 2+ times ' +
      'without registering or paying; C+ / C / C- left contact with strong / fairly strong / wait-and-see intent. ' +
      'A contact-stage customer with fewer than 2 visits and no intent recorded is ungraded. Cues for intent: ' +
      'conversation length, questions asked, care when signing, number of visits, joined the viewing shuttle. ' +
      'Reported counts: A = signed agreements, B = subscription cards, C = valid registrations, D = all registered ' +
      'visits and calls.',
    zh:
      '按以下顺序判断：D 最终放弃（曾为A/B/C，降级）；A+ 签订购房合同；A- 签订认购协议但意向动摇、可能退订；' +
      'A 签订认购协议，意向稳定；B+ 交定金/购买认购卡；B 接受内部认购登记；B- 留下联系方式且来访2次以上，未登记也未交款；' +
      'C+ / C / C- 留下联系方式，意向强烈 / 较强 / 观望。联系阶段来访少于2次且未记录意向的客户不评级。' +
      '判断意向的线索：交谈时长、提问（感兴趣或怀疑）、签约时的慎重程度、来访次数、是否乘坐看房车。' +
      '统计口径：A = 认购协议数，B = 认购卡数，C = 有效登记数，D = 全部来访来电登记数。',
  },
  category: 'pipeline',
  inputs: [
    {
      id: 'stage',
      type: 'category',
      label: { en: 'Furthest stage', zh: '所处阶段' },
      aliases: ['所处阶段', '阶段', '客户阶段', '进度', 'Stage', 'Furthest stage', 'Funnel stage'],
      values: [
        {
          id: 'contract',
          label: { en: 'Signed purchase contract', zh: '签订购房合同' },
          aliases: ['签订购房合同', '购房合同', '已签合同', '签约', '网签', 'Contract', 'Signed contract'],
        },
        {
          id: 'agreement',
          label: { en: 'Signed purchase agreement', zh: '签订认购协议' },
          aliases: ['签订认购协议', '认购协议', '认购书', '已认购', '认购', 'Agreement', 'Signed agreement'],
        },
        {
          id: 'deposit',
          label: { en: 'Paid deposit / subscription card', zh: '交定金/购买认购卡' },
          aliases: ['交定金', '已交定金', '定金', '认购卡', '购买认购卡', 'Deposit', 'Subscription card'],
        },
        {
          id: 'registration',
          label: { en: 'Internal subscription registration', zh: '内部认购登记' },
          aliases: ['内部认购登记', '认购登记', '认筹登记', '登记', 'Registration', 'Registered'],
        },
        {
          id: 'contact',
          label: { en: 'Left contact (visited)', zh: '留下联系方式' },
          aliases: ['留下联系方式', '留电', '来访', '首次来访', '首访', 'Contact', 'Visited', 'First visit'],
        },
      ],
    },
    {
      id: 'wavering',
      type: 'boolean',
      label: { en: 'Wavering, may withdraw', zh: '意向动摇，可能退订' },
      aliases: ['意向动摇', '可能退订', '犹豫', 'Wavering', 'May withdraw'],
      required: false,
    },
    {
      id: 'visits',
      type: 'number',
      label: { en: 'Visits', zh: '来访次数' },
      aliases: ['来访次数', '到访次数', '看房次数', 'Visits', 'Visit count', 'Number of visits'],
      required: false,
    },
    {
      id: 'intent',
      type: 'category',
      label: { en: 'Intent', zh: '购买意向' },
      aliases: ['购买意向', '意向', '意向程度', 'Intent', 'Purchase intent'],
      required: false,
      values: [
        { id: 'strong', label: { en: 'Strong', zh: '强烈' }, aliases: ['强烈', '强', '意向强烈', 'Strong'] },
        {
          id: 'normal',
          label: { en: 'Fairly strong', zh: '较强' },
          aliases: ['较强', '正常', '一般', 'Normal', 'Fairly strong'],
        },
        {
          id: 'weak',
          label: { en: 'Wait and see', zh: '观望' },
          aliases: ['观望', '弱', '意向弱', 'Weak', 'Wait and see'],
        },
      ],
    },
    {
      id: 'gave_up',
      type: 'boolean',
      label: { en: 'Finally gave up', zh: '最终放弃' },
      aliases: ['最终放弃', '已放弃', '放弃', 'Gave up', 'Dropped'],
      required: false,
    },
  ],
  method: {
    kind: 'rules',
    rules: [
      { tier: 'D', when: { input: 'gave_up', op: '=', value: true } },
      { tier: 'A-plus', when: stage('contract') },
      { tier: 'A-minus', when: { all: [stage('agreement'), { input: 'wavering', op: '=', value: true }] } },
      { tier: 'A', when: stage('agreement') },
      { tier: 'B-plus', when: stage('deposit') },
      { tier: 'B', when: stage('registration') },
      { tier: 'B-minus', when: { all: [stage('contact'), { input: 'visits', op: '>=', value: 2 }] } },
      { tier: 'C-plus', when: contactWith('strong') },
      { tier: 'C', when: contactWith('normal') },
      { tier: 'C-minus', when: contactWith('weak') },
    ],
  },
  tiers: [
    { id: 'A-plus', label: { en: 'A+ signed contract', zh: 'A+ 已签购房合同' }, ...SWATCHES.deepGreen },
    { id: 'A', label: { en: 'A signed agreement', zh: 'A 已签认购协议' }, ...SWATCHES.green },
    { id: 'A-minus', label: { en: 'A- agreement, wavering', zh: 'A- 已签协议但动摇' }, ...SWATCHES.lightGreen },
    { id: 'B-plus', label: { en: 'B+ deposit paid', zh: 'B+ 已交定金/认购卡' }, ...SWATCHES.lime },
    { id: 'B', label: { en: 'B registered', zh: 'B 内部认购登记' }, ...SWATCHES.paleYellow },
    { id: 'B-minus', label: { en: 'B- revisited', zh: 'B- 多次来访' }, ...SWATCHES.yellow },
    { id: 'C-plus', label: { en: 'C+ strong intent', zh: 'C+ 意向强烈' }, ...SWATCHES.lightOrange },
    { id: 'C', label: { en: 'C fairly strong intent', zh: 'C 意向较强' }, ...SWATCHES.orange },
    { id: 'C-minus', label: { en: 'C- wait and see', zh: 'C- 观望' }, ...SWATCHES.red },
    { id: 'D', label: { en: 'D gave up', zh: 'D 最终放弃' }, ...SWATCHES.grey },
  ],
};
