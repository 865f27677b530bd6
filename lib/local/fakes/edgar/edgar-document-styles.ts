/**
 * How filers' software writes an 8-K: inline XBRL with `ix:` tags and a hidden header, legacy
 * upper-case `<FONT>` markup, modern `<div>`/`<p>` with literal non-breaking and thin spaces,
 * and table layouts. Each style writes spaces its own way (`&nbsp;`, `&#160;`, `&#xa0;`,
 * U+00A0, U+2009 `&#8201;`): a reader must normalise all of them to find "Item 5.02".
 */
import type { DocumentStyle } from './edgar-dataset.ts';

export interface StyleParts {
  /** The space inside "Item 5.02", dates and amounts. */
  readonly nbsp: string;
  open(cover: CoverFacts): string;
  heading(item: string, title: string): string;
  paragraph(html: string): string;
  close(signature: SignatureFacts): string;
}

export interface CoverFacts {
  readonly form: string;
  readonly amendment: boolean;
  readonly registrant: string;
  readonly cik: string;
  readonly ticker: string;
  readonly exchange: string;
  readonly state: string;
  readonly fileNumber: string;
  readonly ein: string;
  /** Already spaced for the style. */
  readonly reportDate: string;
}

export interface SignatureFacts {
  readonly registrant: string;
  readonly signer: string;
  readonly title: string;
  readonly date: string;
}

const CHECKBOXES = [
  'Written communications pursuant to Rule 425 under the Securities Act (17 CFR 230.425)',
  'Soliciting material pursuant to Rule 14a-12 under the Exchange Act (17 CFR 240.14a-12)',
  'Pre-commencement communications pursuant to Rule 14d-2(b) under the Exchange Act (17 CFR 240.14d-2(b))',
  'Pre-commencement communications pursuant to Rule 13e-4(c) under the Exchange Act (17 CFR 240.13e-4(c))',
] as const;
const SIGNATURE_TEXT = 'Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed on its behalf by the undersigned hereunto duly authorized.';
const exchangeName = (exchange: string): string => (exchange === 'Nasdaq' ? 'The Nasdaq Stock Market LLC' : 'New York Stock Exchange');

const coverLines = (c: CoverFacts): string[] => [
  'UNITED STATES', 'SECURITIES AND EXCHANGE COMMISSION', 'Washington, D.C. 20549', `FORM ${c.form}`,
  ...(c.amendment ? ['(Amendment No. 1)'] : []), 'CURRENT REPORT', 'Pursuant to Section 13 or 15(d) of the Securities Exchange Act of 1934',
  `Date of Report (Date of earliest event reported): ${c.reportDate}`,
];

const inlineXbrl: StyleParts = {
  nbsp: '&#160;',
  open: (c) => [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:dei="http://xbrl.sec.gov/dei/2024" xmlns:xbrli="http://www.xbrl.org/2003/instance">',
    `<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"/><title>${c.ticker.toLowerCase()}-8k</title></head>`,
    '<body style="padding:8px;margin:auto!important;">',
    `<div style="display:none"><ix:header><ix:hidden><ix:nonNumeric name="dei:AmendmentFlag" contextRef="c-1">${c.amendment}</ix:nonNumeric><ix:nonNumeric name="dei:EntityCentralIndexKey" contextRef="c-1">${c.cik}</ix:nonNumeric></ix:hidden>`,
    `<ix:resources><xbrli:context id="c-1"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">${c.cik}</xbrli:identifier></xbrli:entity></xbrli:context></ix:resources></ix:header></div>`,
    ...coverLines(c).map((line) => `<div style="text-align:center"><span style="font-family:'Times New Roman';font-size:10pt;font-weight:700">${line.replace(`FORM ${c.form}`, `FORM <ix:nonNumeric name="dei:DocumentType" contextRef="c-1">${c.form}</ix:nonNumeric>`)}</span></div>`),
    `<div style="text-align:center;margin-top:12pt"><span style="font-size:14pt;font-weight:700"><ix:nonNumeric name="dei:EntityRegistrantName" contextRef="c-1">${c.registrant}</ix:nonNumeric></span></div>`,
    '<div style="text-align:center"><span style="font-size:8pt">(Exact name of registrant as specified in its charter)</span></div>',
    `<table style="width:100%;border-collapse:collapse"><tr><td style="width:33%;text-align:center">${c.state}</td><td style="width:33%;text-align:center"><ix:nonNumeric name="dei:EntityFileNumber" contextRef="c-1">${c.fileNumber}</ix:nonNumeric></td><td style="text-align:center">${c.ein}</td></tr>`,
    '<tr><td style="text-align:center;font-size:8pt">(State or other jurisdiction of incorporation)</td><td style="text-align:center;font-size:8pt">(Commission File Number)</td><td style="text-align:center;font-size:8pt">(IRS Employer Identification No.)</td></tr></table>',
    ...CHECKBOXES.map((box) => `<div><span style="font-family:'Segoe UI Symbol'">&#9744;</span><span>&#160;&#160;${box}</span></div>`),
    '<div style="margin-top:8pt">Securities registered pursuant to Section 12(b) of the Act:</div>',
    `<table style="width:100%"><tr><td>Title of each class</td><td>Trading Symbol(s)</td><td>Name of each exchange on which registered</td></tr><tr><td>Common Stock, par value $0.001 per share</td><td><ix:nonNumeric name="dei:TradingSymbol" contextRef="c-1">${c.ticker}</ix:nonNumeric></td><td>${exchangeName(c.exchange)}</td></tr></table>`,
    '<div>Emerging growth company&#160;<span style="font-family:\'Segoe UI Symbol\'">&#9744;</span></div>',
    '<hr style="page-break-after:always"/>',
  ].join('\n'),
  heading: (item, title) => `<table style="width:100%;margin-top:12pt"><tr><td style="width:9%;vertical-align:top"><span style="font-family:'Times New Roman';font-size:10pt;font-weight:700">Item&#160;${item}</span></td><td style="vertical-align:top"><span style="font-family:'Times New Roman';font-size:10pt;font-weight:700">${title}.</span></td></tr></table>`,
  paragraph: (html) => `<div style="text-indent:4.5%;margin-top:6pt;text-align:justify"><span style="font-family:'Times New Roman';font-size:10pt">${html}</span></div>`,
  close: (s) => [
    '<div style="text-align:center;margin-top:18pt"><span style="font-weight:700">SIGNATURES</span></div>',
    `<div style="text-indent:4.5%">${SIGNATURE_TEXT}</div>`,
    `<table style="width:100%"><tr><td style="width:50%">&#160;</td><td>${s.registrant}</td></tr><tr><td>Date: ${s.date}</td><td>By:&#160;/s/&#160;${s.signer}<br/>${s.signer}<br/>${s.title}</td></tr></table>`,
    '</body></html>',
  ].join('\n'),
};

const font = (html: string, bold = false): string => `<FONT SIZE="2" FACE="Times New Roman">${bold ? `<B>${html}</B>` : html}</FONT>`;

const legacyFont: StyleParts = {
  nbsp: '&nbsp;',
  open: (c) => [
    '<HTML>', `<HEAD><TITLE>Form ${c.form}</TITLE></HEAD>`, '<BODY BGCOLOR="WHITE">',
    ...coverLines(c).map((line) => `<P ALIGN="center" STYLE="margin-top:0pt; margin-bottom:0pt">${font(line, true)}</P>`),
    `<P ALIGN="center" STYLE="margin-top:12pt">${font(c.registrant.toUpperCase(), true)}<BR>${font('(Exact name of registrant as specified in its charter)')}</P>`,
    `<TABLE WIDTH="100%" CELLPADDING="0" CELLSPACING="0"><TR><TD ALIGN="center">${font(c.state)}</TD><TD ALIGN="center">${font(c.fileNumber)}</TD><TD ALIGN="center">${font(c.ein)}</TD></TR></TABLE>`,
    ...CHECKBOXES.map((box) => `<P>${font(`&#9744;&nbsp;&nbsp;${box}`)}</P>`),
    `<P>${font(`Common Stock, $0.001 par value&nbsp;&nbsp;&nbsp;${c.ticker}&nbsp;&nbsp;&nbsp;${exchangeName(c.exchange)}`)}</P>`,
    `<P>${font('Emerging growth company&nbsp;&nbsp;&#9744;')}</P>`,
    '<HR SIZE="3" WIDTH="100%" NOSHADE>',
  ].join('\n'),
  heading: (item, title) => `<P STYLE="margin-top:12pt; margin-bottom:0pt">${font(`Item&nbsp;${item}.`, true)}${font(`&nbsp;&nbsp;&nbsp;&nbsp;${title}.`, true)}</P>`,
  paragraph: (html) => `<P STYLE="margin-top:6pt; margin-bottom:0pt; text-indent:4%">${font(html)}</P>`,
  close: (s) => [
    `<P ALIGN="center" STYLE="margin-top:18pt">${font('SIGNATURE', true)}</P>`,
    `<P STYLE="text-indent:4%">${font(SIGNATURE_TEXT)}</P>`,
    `<TABLE WIDTH="100%"><TR><TD WIDTH="50%"></TD><TD>${font(s.registrant.toUpperCase())}</TD></TR><TR><TD>${font(`Date: ${s.date}`)}</TD><TD>${font(`By:&nbsp;&nbsp;/s/ ${s.signer}`)}<BR>${font(`Name: ${s.signer}`)}<BR>${font(`Title: ${s.title}`)}</TD></TR></TABLE>`,
    '</BODY>', '</HTML>',
  ].join('\n'),
};

const modernDiv: StyleParts = {
  nbsp: '\u00a0',
  open: (c) => [
    '<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8"><title>8-K</title></head><body>', '<div class="cover">',
    ...coverLines(c).map((line) => `<p style="text-align:center;font-weight:bold;margin:0">${line}</p>`),
    `<p style="text-align:center;font-size:14pt;font-weight:bold">${c.registrant}</p><p style="text-align:center;font-size:8pt">(Exact name of registrant as specified in its charter)</p>`,
    `<p>${c.state}\u00a0\u00a0|\u00a0\u00a0${c.fileNumber}\u00a0\u00a0|\u00a0\u00a0${c.ein}</p>`,
    ...CHECKBOXES.map((box) => `<p>\u2610\u00a0${box}</p>`),
    `<p>Common Stock\u2003${c.ticker}\u2003${exchangeName(c.exchange)}</p>`, '</div>',
  ].join('\n'),
  heading: (item, title) => `<p style="font-weight:bold;margin-top:12pt">Item\u00a0${item}.\u2009\u2009${title}.</p>`,
  paragraph: (html) => `<p style="text-indent:0.5in;text-align:justify">${html}</p>`,
  close: (s) => [
    '<p style="text-align:center;font-weight:bold">SIGNATURES</p>', `<p>${SIGNATURE_TEXT}</p>`,
    `<div class="signature"><p>${s.registrant}</p><p>Date: ${s.date}</p><p>By: /s/\u00a0${s.signer}</p><p>${s.signer}, ${s.title}</p></div>`,
    '</body></html>',
  ].join('\n'),
};

const tableLayout: StyleParts = {
  nbsp: '&#xa0;',
  open: (c) => [
    '<html><head><title>form8-k</title></head><body><table width="100%" border="0" cellpadding="2">',
    ...coverLines(c).map((line) => `<tr><td colspan="2" align="center"><b>${line}</b></td></tr>`),
    `<tr><td colspan="2" align="center"><b>${c.registrant}</b><br><i>(Exact name of registrant as specified in its charter)</i></td></tr>`,
    `<tr><td colspan="2"><table width="100%"><tr><td>${c.state}</td><td>${c.fileNumber}</td><td>${c.ein}</td></tr></table></td></tr>`,
    ...CHECKBOXES.map((box) => `<tr><td width="4%">&#9744;</td><td>${box}</td></tr>`),
    `<tr><td colspan="2"><table width="100%"><tr><td>Common Stock</td><td>${c.ticker}</td><td>${exchangeName(c.exchange)}</td></tr></table></td></tr>`,
  ].join('\n'),
  heading: (item, title) => `<tr><td valign="top" nowrap><b>Item&#8201;${item}</b></td><td valign="top"><b>${title}</b></td></tr>`,
  paragraph: (html) => `<tr><td></td><td><p align="justify">${html}</p></td></tr>`,
  close: (s) => [
    `<tr><td colspan="2" align="center"><b>SIGNATURES</b></td></tr><tr><td colspan="2">${SIGNATURE_TEXT}</td></tr>`,
    `<tr><td>Date: ${s.date}</td><td>${s.registrant}<br>By: /s/ ${s.signer}<br>${s.title}</td></tr>`,
    '</table></body></html>',
  ].join('\n'),
};

export const DOCUMENT_STYLES: Readonly<Record<DocumentStyle, StyleParts>> = {
  'inline-xbrl': inlineXbrl,
  'legacy-font': legacyFont,
  'modern-div': modernDiv,
  'table-layout': tableLayout,
};
