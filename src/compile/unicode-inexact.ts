/**
 * The characters for which talkdeck's own readings of Unicode's text rules (UAX #29) do not give
 * what ICU's segmenter gives, so that text holding one of them is left to ICU (Intl.Segmenter,
 * whose first use in a process costs ICU's start, about 16 ms). Everything else, ASCII, Latin,
 * CJK, kana, Hangul syllables and their punctuation among it, is read without ICU.
 *
 * Found by reading every code point of the first four planes in a dozen contexts both ways (a
 * boundary or a count by talkdeck's rules, and by ICU's); test/compile/without-icu.test.ts repeats
 * that sweep over the first plane, so a Node with another ICU that reads a character differently
 * fails the test instead of splitting or counting differently unnoticed.
 */

/** Sentence boundaries (compile/sentences.ts, uaxBoundaries): terminators and closing marks of other scripts, Georgian letters, Arabic number signs, … */
export const SENTENCE_RULES_INEXACT = new RegExp(
  `[${[
    '\u037E\u0600-\u0605\u061D-\u061E\u066B-\u066C\u06DD\u0837\u0839\u083D-\u083E\u0890-\u0891',
    '\u08E2\u104A-\u104B\u10D0-\u10FA\u10FD-\u10FF\u1362\u1367-\u1368\u166E\u1735-\u1736\u17D4-\u17D5',
    '\u1803\u1809\u1944-\u1945\u19DA\u1AA8-\u1AAB\u1B4E-\u1B4F\u1B5A-\u1B5B\u1B5E-\u1B5F\u1B7D-\u1B7F',
    '\u1C3B-\u1C3C\u1C7E-\u1C7F\u1C90-\u1CBA\u1CBD-\u1CBF\u275B-\u2760\u2CF9-\u2CFB\u2E00-\u2E01',
    '\u2E06-\u2E08\u2E0B\u2E2E\u2E3C\u2E53-\u2E54\uA4FF\uA60E-\uA60F\uA6F3\uA6F7\uA876-\uA877',
    '\uA8CE-\uA8CF\uA92F\uA9C8-\uA9C9\uAA5D-\uAA5F\uAAF0-\uAAF1\uABEB\uFE14\uFE54\uFF9E-\uFF9F',
    '\u{10A56}-\u{10A57}\u{10F55}-\u{10F59}\u{10F86}-\u{10F89}\u{11047}-\u{11048}\u{110BD}-\u{110C1}',
    '\u{110CD}\u{11141}-\u{11143}\u{111C5}-\u{111C6}\u{111CD}\u{111DE}-\u{111DF}\u{11238}-\u{11239}',
    '\u{1123B}-\u{1123C}\u{112A9}\u{113D4}-\u{113D5}\u{1144B}-\u{1144C}\u{115C2}-\u{115C3}',
    '\u{115C9}-\u{115D7}\u{11641}-\u{11642}\u{1173C}-\u{1173E}\u{11944}\u{11946}\u{11A42}-\u{11A43}',
    '\u{11A9B}-\u{11A9C}\u{11C41}-\u{11C42}\u{11EF7}-\u{11EF8}\u{11F43}-\u{11F44}\u{16A6E}-\u{16A6F}',
    '\u{16AF5}\u{16B37}-\u{16B38}\u{16B44}\u{16D6E}-\u{16D6F}\u{16E98}\u{1BC9F}\u{1DA88}\u{1F676}-\u{1F678}',
  ].join('')}]`,
  'u',
);

/**
 * Word counts (compile/coverage.ts, countWords): combining marks of other scripts, Hangul jamo,
 * soft hyphens, … ; and the scripts whose words only a dictionary finds (Thai, Lao, Khmer, Burmese).
 */
export const WORD_RULES_INEXACT = new RegExp(
  // eslint-disable-next-line no-misleading-character-class -- single code points by design: a mark or an emoji modifier found alone sends the text to ICU
  `[${[
    '\u00AD\u00B8\u02C2-\u02C5\u02D2-\u02D7\u02DE-\u02DF\u02E5-\u02EB\u02ED\u02EF-\u036F\u0483-\u0489',
    '\u055A-\u055C\u055E-\u055F\u058A\u0591-\u05BD\u05BF\u05C1-\u05C2\u05C4-\u05C5\u05C7\u05F3',
    '\u0600-\u0605\u0610-\u061A\u061C\u064B-\u065F\u066B\u0670\u06D6-\u06DD\u06DF-\u06E4\u06E7-\u06E8',
    '\u06EA-\u06ED\u070F\u0711\u0730-\u074A\u07A6-\u07B0\u07EB-\u07F3\u07FD\u0816-\u0819\u081B-\u0823',
    '\u0825-\u0827\u0829-\u082D\u0859-\u085B\u0890-\u0891\u0897-\u089F\u08CA-\u0903\u093A-\u093C',
    '\u093E-\u094F\u0951-\u0957\u0962-\u0963\u0981-\u0983\u09BC\u09BE-\u09C4\u09C7-\u09C8\u09CB-\u09CD',
    '\u09D7\u09E2-\u09E3\u09FE\u0A01-\u0A03\u0A3C\u0A3E-\u0A42\u0A47-\u0A48\u0A4B-\u0A4D\u0A51',
    '\u0A70-\u0A71\u0A75\u0A81-\u0A83\u0ABC\u0ABE-\u0AC5\u0AC7-\u0AC9\u0ACB-\u0ACD\u0AE2-\u0AE3',
    '\u0AFA-\u0AFF\u0B01-\u0B03\u0B3C\u0B3E-\u0B44\u0B47-\u0B48\u0B4B-\u0B4D\u0B55-\u0B57\u0B62-\u0B63',
    '\u0B82\u0BBE-\u0BC2\u0BC6-\u0BC8\u0BCA-\u0BCD\u0BD7\u0C00-\u0C04\u0C3C\u0C3E-\u0C44\u0C46-\u0C48',
    '\u0C4A-\u0C4D\u0C55-\u0C56\u0C62-\u0C63\u0C81-\u0C83\u0CBC\u0CBE-\u0CC4\u0CC6-\u0CC8\u0CCA-\u0CCD',
    '\u0CD5-\u0CD6\u0CE2-\u0CE3\u0CF3\u0D00-\u0D03\u0D3B-\u0D3C\u0D3E-\u0D44\u0D46-\u0D48\u0D4A-\u0D4D',
    '\u0D57\u0D62-\u0D63\u0D81-\u0D83\u0DCA\u0DCF-\u0DD4\u0DD6\u0DD8-\u0DDF\u0DF2-\u0DF3\u0F18-\u0F19',
    '\u0F35\u0F37\u0F39\u0F3E-\u0F3F\u0F71-\u0F84\u0F86-\u0F87\u0F8D-\u0F97\u0F99-\u0FBC\u0FC6',
    '\u1100-\u11FF\u135D-\u135F\u16EE-\u16F0\u1712-\u1715\u1732-\u1734\u1752-\u1753\u1772-\u1773',
    '\u180B-\u180F\u1885-\u1886\u18A9\u1920-\u192B\u1930-\u193B\u19DA\u19DE-\u19DF\u1A17-\u1A1B',
    '\u1A55-\u1A5E\u1A60-\u1A7C\u1A7F\u1AA0-\u1AA6\u1AA8-\u1AAD\u1AB0-\u1ADD\u1AE0-\u1AEB\u1B00-\u1B04',
    '\u1B34-\u1B44\u1B6B-\u1B73\u1B80-\u1B82\u1BA1-\u1BAD\u1BE6-\u1BF3\u1C24-\u1C37\u1CD0-\u1CD2',
    '\u1CD4-\u1CE8\u1CED\u1CF4\u1CF7-\u1CF9\u1DC0-\u1DFF\u200B-\u200F\u202A-\u202F\u203F-\u2040',
    '\u2054\u2060-\u2064\u2066-\u206F\u20D0-\u20F0\u2160-\u2182\u2185-\u2188\u24B6-\u24E9\u2CEF-\u2CF1',
    '\u2D7F\u2DE0-\u2DFF\u2E80-\u2E99\u2E9B-\u2EF3\u2F00-\u2FD5\u3005-\u3007\u3021-\u302F\u3031-\u3035',
    '\u3038-\u303B\u3099-\u309C\u30A0\u3131-\u318E\u31F0-\u31FF\u32D0-\u32FE\u3300-\u3357\uA66F-\uA672',
    '\uA674-\uA67D\uA69E-\uA69F\uA6E6-\uA6F1\uA708-\uA716\uA720-\uA721\uA789-\uA78A\uA802\uA806',
    '\uA80B\uA823-\uA827\uA82C\uA880-\uA881\uA8B4-\uA8C5\uA8E0-\uA8F1\uA8FF\uA926-\uA92D\uA947-\uA953',
    '\uA960-\uA97C\uA980-\uA983\uA9B3-\uA9C0\uAA29-\uAA36\uAA43\uAA4C-\uAA4D\uAAB0\uAAB2-\uAAB4',
    '\uAAB7-\uAAB8\uAABE-\uAABF\uAAC1\uAADE-\uAADF\uAAEB-\uAAEF\uAAF5-\uAAF6\uAB5B\uABE3-\uABEA',
    '\uABEC-\uABED\uD7B0-\uD7C6\uD7CB-\uD7FB\uFB1E\uFE00-\uFE10\uFE14\uFE20-\uFE2F\uFE33-\uFE34',
    '\uFE4D-\uFE4F\uFEFF\uFF3F\uFF66-\uFFBE\uFFC2-\uFFC7\uFFCA-\uFFCF\uFFD2-\uFFD7\uFFDA-\uFFDC',
    '\uFFF9-\uFFFB\u{10140}-\u{10174}\u{101FD}\u{102E0}\u{10341}\u{1034A}\u{10376}-\u{1037A}',
    '\u{103D1}-\u{103D5}\u{10A01}-\u{10A03}\u{10A05}-\u{10A06}\u{10A0C}-\u{10A0F}\u{10A38}-\u{10A3A}',
    '\u{10A3F}\u{10AE5}-\u{10AE6}\u{10D24}-\u{10D27}\u{10D69}-\u{10D6D}\u{10EAB}-\u{10EAC}',
    '\u{10EFA}-\u{10EFF}\u{10F46}-\u{10F50}\u{10F82}-\u{10F85}\u{11000}-\u{11002}\u{11038}-\u{11046}',
    '\u{11070}\u{11073}-\u{11074}\u{1107F}-\u{11082}\u{110B0}-\u{110BA}\u{110BD}\u{110C2}',
    '\u{110CD}\u{11100}-\u{11102}\u{11127}-\u{11134}\u{11145}-\u{11146}\u{11173}\u{11180}-\u{11182}',
    '\u{111B3}-\u{111C0}\u{111C9}-\u{111CC}\u{111CE}-\u{111CF}\u{1122C}-\u{11237}\u{1123E}',
    '\u{11241}\u{112DF}-\u{112EA}\u{11300}-\u{11303}\u{1133B}-\u{1133C}\u{1133E}-\u{11344}',
    '\u{11347}-\u{11348}\u{1134B}-\u{1134D}\u{11357}\u{11362}-\u{11363}\u{11366}-\u{1136C}',
    '\u{11370}-\u{11374}\u{113B8}-\u{113C0}\u{113C2}\u{113C5}\u{113C7}-\u{113CA}\u{113CC}-\u{113D0}',
    '\u{113D2}\u{113E1}-\u{113E2}\u{11435}-\u{11446}\u{1145E}\u{114B0}-\u{114C3}\u{115AF}-\u{115B5}',
    '\u{115B8}-\u{115C0}\u{115DC}-\u{115DD}\u{11630}-\u{11640}\u{116AB}-\u{116B7}\u{1171D}-\u{1172B}',
    '\u{1173A}-\u{1173B}\u{1173F}\u{1182C}-\u{1183A}\u{11930}-\u{11935}\u{11937}-\u{11938}',
    '\u{1193B}-\u{1193E}\u{11940}\u{11942}-\u{11943}\u{119D1}-\u{119D7}\u{119DA}-\u{119E0}',
    '\u{119E4}\u{11A01}-\u{11A0A}\u{11A33}-\u{11A39}\u{11A3B}-\u{11A3E}\u{11A47}\u{11A51}-\u{11A5B}',
    '\u{11A8A}-\u{11A99}\u{11B60}-\u{11B67}\u{11C2F}-\u{11C36}\u{11C38}-\u{11C3F}\u{11C92}-\u{11CA7}',
    '\u{11CA9}-\u{11CB6}\u{11D31}-\u{11D36}\u{11D3A}\u{11D3C}-\u{11D3D}\u{11D3F}-\u{11D45}',
    '\u{11D47}\u{11D8A}-\u{11D8E}\u{11D90}-\u{11D91}\u{11D93}-\u{11D97}\u{11EF3}-\u{11EF6}',
    '\u{11F00}-\u{11F01}\u{11F03}\u{11F34}-\u{11F3A}\u{11F3E}-\u{11F42}\u{11F5A}\u{12400}-\u{1246E}',
    '\u{13430}-\u{13440}\u{13447}-\u{13455}\u{1611E}-\u{1612F}\u{16AF0}-\u{16AF4}\u{16B30}-\u{16B36}',
    '\u{16F4F}\u{16F51}-\u{16F87}\u{16F8F}-\u{16F92}\u{16FE2}-\u{16FE4}\u{16FF0}-\u{16FF6}',
    '\u{17000}-\u{18CD5}\u{18CFF}-\u{18D1E}\u{18D80}-\u{18DF2}\u{1AFF0}-\u{1AFF3}\u{1AFF5}-\u{1AFFB}',
    '\u{1AFFD}-\u{1AFFE}\u{1B000}-\u{1B122}\u{1B132}\u{1B150}-\u{1B152}\u{1B155}\u{1B164}-\u{1B167}',
    '\u{1B170}-\u{1B2FB}\u{1BC9D}-\u{1BC9E}\u{1BCA0}-\u{1BCA3}\u{1CF00}-\u{1CF2D}\u{1CF30}-\u{1CF46}',
    '\u{1D165}-\u{1D169}\u{1D16D}-\u{1D182}\u{1D185}-\u{1D18B}\u{1D1AA}-\u{1D1AD}\u{1D242}-\u{1D244}',
    '\u{1DA00}-\u{1DA36}\u{1DA3B}-\u{1DA6C}\u{1DA75}\u{1DA84}\u{1DA9B}-\u{1DA9F}\u{1DAA1}-\u{1DAAF}',
    '\u{1E000}-\u{1E006}\u{1E008}-\u{1E018}\u{1E01B}-\u{1E021}\u{1E023}-\u{1E024}\u{1E026}-\u{1E02A}',
    '\u{1E08F}\u{1E130}-\u{1E136}\u{1E2AE}\u{1E2EC}-\u{1E2EF}\u{1E4EC}-\u{1E4EF}\u{1E5EE}-\u{1E5EF}',
    '\u{1E6E3}\u{1E6E6}\u{1E6EE}-\u{1E6EF}\u{1E6F5}\u{1E8D0}-\u{1E8D6}\u{1E944}-\u{1E94A}',
    '\u{1F130}-\u{1F149}\u{1F150}-\u{1F169}\u{1F170}-\u{1F189}\u{1F200}\u{1F3FB}-\u{1F3FF}',
    // Han beyond the first plane (CJK extensions B to H), which ICU's dictionary groups otherwise.
    '\u{20000}-\u{323AF}',
    // Thai, Lao, Burmese, Khmer and their extensions: only a dictionary finds their words.
    '\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u19E0-\u19FF\uA9E0-\uA9FF\uAA60-\uAA7F',
  ].join('')}]`,
  'u',
);
