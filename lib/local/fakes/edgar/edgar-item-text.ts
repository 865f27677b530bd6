/**
 * The prose under each Item of a fake 8-K, written for leadstack in the register filers use.
 * Plain text: the document styles decide the markup, entities and spacing. Each scenario's
 * wording carries its signal (an appointment reads as one, a resignation as one) and the
 * non-signal scenarios avoid those words, so the ground truth is what a careful reader finds.
 */
import type { Rng } from '../web/prng.ts';
import type { EdgarCompany } from './edgar-companies.ts';
import type { FilingTruth, OfficerChange } from './edgar-truth.ts';

/** Item titles as Form 8-K names them. */
export const ITEM_TITLES: Readonly<Record<string, string>> = {
  '1.01': 'Entry into a Material Definitive Agreement',
  '1.03': 'Bankruptcy or Receivership',
  '1.05': 'Material Cybersecurity Incidents',
  '2.01': 'Completion of Acquisition or Disposition of Assets',
  '2.02': 'Results of Operations and Financial Condition',
  '2.03': 'Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement of a Registrant',
  '2.05': 'Costs Associated with Exit or Disposal Activities',
  '2.06': 'Material Impairments',
  '3.01': 'Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; Transfer of Listing',
  '3.02': 'Unregistered Sales of Equity Securities',
  '4.02': 'Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or Completed Interim Review',
  '5.01': 'Changes in Control of Registrant',
  '5.02': 'Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers; Compensatory Arrangements of Certain Officers',
  '5.03': 'Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year',
  '5.07': 'Submission of Matters to a Vote of Security Holders',
  '7.01': 'Regulation FD Disclosure',
  '8.01': 'Other Events',
  '9.01': 'Financial Statements and Exhibits',
};

export interface ItemContext {
  readonly company: EdgarCompany;
  readonly truth: FilingTruth;
  readonly rng: Rng;
  /** `December 4, 2026`. */
  readonly longDate: (iso: string) => string;
}

const PREVIOUS_EMPLOYERS = ['a global consumer products company', 'a publicly traded software company', 'a regional bank holding company', 'a private equity-backed manufacturer'] as const;
const AGREEMENT_KINDS = ['Master Supply Agreement', 'Strategic Collaboration Agreement', 'Exclusive License Agreement', 'Master Services Agreement'] as const;

const money = (millions: number | undefined): string => `$${(millions ?? 0).toLocaleString('en-US')} million`;

function hireParagraphs(officer: OfficerChange, ctx: ItemContext): string[] {
  const { truth, rng, longDate } = ctx;
  const salary = rng.int(38, 95) * 10_000;
  return [
    `On ${longDate(truth.event.eventDate)}, the Board of Directors (the “Board”) of ${ctx.company.legalName} (the “Company”) appointed ${officer.name} as ${officer.title} of the Company, effective ${longDate(truth.filingDate)}.`,
    `${officer.name}, age ${rng.int(41, 63)}, joins the Company from ${rng.pick(PREVIOUS_EMPLOYERS)}, where ${officer.name.split(' ').at(-1)} served in senior finance and operating roles for more than ${rng.int(8, 20)} years.`,
    `In connection with the appointment, ${officer.name} will receive an annual base salary of $${salary.toLocaleString('en-US')} and will be eligible for the Company’s annual incentive plan. There are no family relationships between ${officer.name} and any director or executive officer of the Company, and no transactions reportable under Item 404(a) of Regulation S-K.`,
  ];
}

function departureParagraphs(officer: OfficerChange, ctx: ItemContext): string[] {
  const { truth, rng, longDate } = ctx;
  const verb = rng.pick(['resign', 'retire', 'step down']);
  return [
    `On ${longDate(truth.event.eventDate)}, ${officer.name} notified the Board of Directors (the “Board”) of ${ctx.company.legalName} (the “Company”) of the decision to ${verb} as ${officer.title} of the Company, effective ${longDate(truth.filingDate)}.`,
    `The decision to ${verb} was not the result of any disagreement with the Company on any matter relating to its operations, policies or practices. The Company thanks ${officer.name} for ${ctx.rng.int(3, 14)} years of service.`,
  ];
}

function executiveParagraphs(ctx: ItemContext): string[] {
  const { truth, longDate } = ctx;
  if (truth.form === '8-K/A') {
    const officer = truth.event.officers[0]!;
    return [
      `This Amendment No. 1 on Form 8-K/A amends the Current Report on Form 8-K of the Company filed with the Securities and Exchange Commission (the “Original Report”), which reported the appointment of ${officer.name} as ${officer.title}. This amendment reports the compensatory arrangements approved after the Original Report was filed.`,
      `The Compensation Committee approved a sign-on equity award of restricted stock units valued at $${(ctx.rng.int(12, 40) * 50_000).toLocaleString('en-US')}, vesting over four years.`,
    ];
  }
  if (truth.scenario === 'compensation-only') {
    return [
      `On ${longDate(truth.event.eventDate)}, the Compensation Committee of the Board of Directors of the Company approved an amendment to the Company’s Executive Severance Plan, under which participating officers receive twelve months of base salary on a qualifying termination following a change in control.`,
      'No other terms of the plan were changed. The foregoing description is qualified in its entirety by the amended plan, filed as Exhibit 10.1.',
    ];
  }
  return truth.event.officers.flatMap((officer) => (officer.change === 'hire' ? hireParagraphs(officer, ctx) : departureParagraphs(officer, ctx)));
}

type ItemWriter = (ctx: ItemContext) => string[];

const incorporated = (from: string): string[] => [`The information set forth under Item ${from} of this Current Report on Form 8-K is incorporated herein by reference.`];
const furnished = (item: string): string => `The information in this Item ${item}, including Exhibit 99.1, is furnished and shall not be deemed “filed” for purposes of Section 18 of the Securities Exchange Act of 1934, as amended.`;

const WRITERS: Readonly<Record<string, ItemWriter>> = {
  '1.01': ({ truth, rng, longDate }) => truth.scenario === 'credit-agreement'
    ? [`On ${longDate(truth.event.eventDate)}, the Company entered into a Credit Agreement (the “Credit Agreement”) with ${truth.event.counterparty}, as administrative agent, and the lenders party thereto, providing for a senior unsecured revolving credit facility of up to ${money(truth.event.amountMillions)} maturing in ${Number(truth.filingDate.slice(0, 4)) + 5}.`]
    : [`On ${longDate(truth.event.eventDate)}, the Company entered into a ${rng.pick(AGREEMENT_KINDS)} (the “Agreement”) with ${truth.event.counterparty}. The Agreement has an initial term of ${rng.int(3, 7)} years and an aggregate expected value of approximately ${money(truth.event.amountMillions)}.`],
  '1.03': ({ truth, longDate }) => [`On ${longDate(truth.event.eventDate)}, the Company and certain of its subsidiaries filed voluntary petitions for relief under chapter 11 of title 11 of the United States Code in the United States Bankruptcy Court for the District of Delaware. The Company will continue to operate its business as a debtor-in-possession.`],
  '1.05': ({ truth, longDate }) => [`On ${longDate(truth.event.eventDate)}, the Company detected unauthorized access by a third party to certain of its information technology systems. The Company activated its incident response plan, engaged external cybersecurity experts and notified law enforcement. The incident has disrupted parts of the Company’s order processing, and the Company has determined that it is reasonably likely to materially affect its results of operations.`],
  '2.01': ({ truth, longDate }) => truth.form === '8-K/A'
    ? [`This Amendment No. 1 amends the Current Report on Form 8-K previously filed to report the completion of the acquisition of ${truth.event.counterparty}, to include the audited financial statements of the business acquired and the pro forma financial information required by Item 9.01.`]
    : [`On ${longDate(truth.event.eventDate)}, the Company completed its previously announced acquisition of ${truth.event.counterparty} for total consideration of approximately ${money(truth.event.amountMillions)} in cash, subject to customary adjustments, funded with cash on hand and borrowings under its existing credit facility.`],
  '2.02': ({ truth, longDate }) => [`On ${longDate(truth.filingDate)}, the Company issued a press release announcing its financial results for ${truth.event.period}. A copy of the press release is furnished as Exhibit 99.1 to this report.`, furnished('2.02')],
  '2.03': ({ truth, rng, longDate }) => truth.scenario === 'credit-agreement'
    ? incorporated('1.01')
    : [`On ${longDate(truth.event.eventDate)}, the Company issued ${money(truth.event.amountMillions)} aggregate principal amount of its ${rng.int(4, 8)}.${rng.pick(['125', '250', '500', '875'])}% Senior Notes due ${Number(truth.filingDate.slice(0, 4)) + rng.int(5, 10)} in a private offering to qualified institutional buyers.`],
  '2.05': ({ truth, rng, longDate }) => [`On ${longDate(truth.event.eventDate)}, the Board approved a restructuring plan to reduce operating costs, including a reduction of the Company’s workforce by approximately ${rng.int(6, 22)}%. The Company expects to incur charges of approximately ${money(truth.event.amountMillions)}, primarily severance, over the next two quarters.`],
  '2.06': ({ truth, longDate }) => [`On ${longDate(truth.event.eventDate)}, the Audit Committee concluded that a material non-cash impairment charge of approximately ${money(truth.event.amountMillions)} to goodwill of one reporting unit is required, following a sustained decline in the Company’s market capitalization.`],
  '3.01': ({ truth, company, longDate }) => [`On ${longDate(truth.event.eventDate)}, the Company received a letter from ${company.exchange === 'Nasdaq' ? 'The Nasdaq Stock Market LLC' : 'the New York Stock Exchange'} notifying it that the Company is not in compliance with the minimum bid price requirement for continued listing, because the closing bid price of its common stock was below $1.00 for thirty consecutive business days. The Company has 180 calendar days to regain compliance.`],
  '3.02': ({ truth, rng, longDate }) => [`On ${longDate(truth.event.eventDate)}, the Company sold ${(rng.int(20, 400) * 10_000).toLocaleString('en-US')} shares of its common stock in a private placement to accredited investors for aggregate gross proceeds of approximately ${money(truth.event.amountMillions)}. The shares were issued in reliance on the exemption from registration in Section 4(a)(2) of the Securities Act of 1933.`],
  '4.02': ({ truth, longDate }) => [`On ${longDate(truth.event.eventDate)}, the Audit Committee of the Board, after discussion with management and the Company’s independent registered public accounting firm, concluded that the Company’s previously issued financial statements for the fiscal year ended December 31, ${Number(truth.filingDate.slice(0, 4)) - 1} should no longer be relied upon because of errors in revenue recognition for multi-year contracts.`],
  '5.01': ({ truth, longDate }) => [`On ${longDate(truth.event.eventDate)}, the merger of the Company with a wholly owned subsidiary of ${truth.event.counterparty} was completed, and the Company became a wholly owned subsidiary of ${truth.event.counterparty}. As a result, a change in control of the Company occurred. The aggregate merger consideration was approximately ${money(truth.event.amountMillions)}.`],
  '5.02': executiveParagraphs,
  '5.03': ({ truth, longDate }) => [`On ${longDate(truth.event.eventDate)}, the Board adopted Amended and Restated Bylaws of the Company, effective immediately, to update the procedures for stockholder proposals and director nominations. The Amended and Restated Bylaws are filed as Exhibit 3.1.`],
  '5.07': ({ truth, longDate }) => [`The Company held its annual meeting of stockholders on ${longDate(truth.event.eventDate)}. The stockholders elected each of the director nominees, ratified the appointment of the independent registered public accounting firm and approved, on an advisory basis, the compensation of the named executive officers.`],
  '7.01': ({ truth, longDate }) => [`On ${longDate(truth.filingDate)}, the Company posted an updated investor presentation, including its outlook for the current fiscal year, to the investor relations section of its website. A copy is furnished as Exhibit 99.1.`, furnished('7.01')],
  '8.01': ({ truth, rng, longDate }) => [rng.chance(0.5)
    ? `On ${longDate(truth.event.eventDate)}, the Board declared a quarterly cash dividend of $0.${rng.int(10, 95)} per share of common stock, payable to stockholders of record at the close of business thirty days from the declaration date.`
    : `On ${longDate(truth.event.eventDate)}, the Company announced that its annual meeting of stockholders will be held virtually, and set the record date for stockholders entitled to vote at the meeting.`],
  '9.01': ({ truth }) => [`(d) Exhibits. ${truth.scenario === 'earnings-release' || truth.scenario === 'investor-presentation' ? '99.1 Press release issued by the Company.' : '10.1 Agreement described in this report.'} 104 Cover Page Interactive Data File (embedded within the Inline XBRL document).`],
};

/** The paragraphs under one item of the filing. */
export const itemParagraphs = (item: string, ctx: ItemContext): string[] => WRITERS[item]?.(ctx) ?? [];
