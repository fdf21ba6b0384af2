// Facts of unicorn discovery and cultivation (unicorn.md "Facts"), with the 黄埔 award facts.
import { date, factSchema, flag, list, object, text, usd, yuan, zhEn } from './common.ts';

export const unicornFactSchema = factSchema('unicorn-cultivation', zhEn('独角兽企业发现培育', 'Unicorn discovery and cultivation'), {
  establishedOn: date(zhEn('成立日期', 'Registration date')),
  listed: flag(zhEn('已在证券交易所上市', 'Listed on a stock exchange'), zhEn('新三板挂牌不算上市', 'The NEEQ (新三板) does not count as listed')),
  equityRounds: list(
    object(
      {
        date: date(zhEn('投资日期', 'Date')),
        investor: text(zhEn('投资方', 'Investor')),
        amount: yuan(zhEn('投资金额（元）', 'Amount (yuan)')),
        postMoneyValuationUsd: usd(zhEn('投后估值（美元）', 'Post-money valuation (US$)')),
      },
      zhEn('股权融资', 'Equity round'),
    ),
    zhEn('获得的股权投资', 'Equity investment received'),
    200,
  ),
  valuationUsd: usd(zhEn('最近投后估值（美元）', 'Latest post-money valuation (US$)'), zhEn('人民币按当年平均汇率折算', 'RMB converted at that year’s average rate')),
  strategicIndustry: flag(zhEn('属于战略性新兴产业', 'In a strategic emerging industry')),
  rdDeductible: yuan(zhEn('认定当年可加计扣除研发费用', 'Super-deductible R&D expense in the recognition year')),
  equityReceivedThisYear: yuan(zhEn('认定当年获得股权投资', 'Equity investment received in the recognition year')),
  upgradedFromFuture: flag(zhEn('由未来独角兽晋级', 'Upgraded from future unicorn')),
});
