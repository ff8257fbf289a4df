// The engine's regular expressions. `build.rs` includes this file and compiles each pattern
// into a pair of NFAs (forward, with capture groups; reverse, to find where a match starts)
// that the engine loads without parsing anything: see `src/pattern/mod.rs`. The engine's
// unit tests include it too, to check the loaded patterns against the `regex` crate.
//
// Patterns on `lower` read the lowercased text, because a case-insensitive flag multiplies
// what each pattern compiles into.

/// Every pattern: the name of the static the engine reads it as, what it finds, its source.
pub fn sources() -> Vec<(&'static str, &'static str, String)> {
    let num = r"(?:9\d|1[01]\d)";
    let number_words = r"ninety(?:[\- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:a|one) hundred(?: and (?:one|two|three|four|five|six|seven|eight|nine|ten))?";
    let name_word = r"\p{Lu}[\p{Ll}\p{Lu}\p{M}'\-]*(?:\p{Lu}[\p{Ll}\p{M}]+)?";
    let month = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janv(?:ier)?|f[éÉe]vr(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uûÛ]t|d[éÉe]c(?:embre)?)";
    let day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er)?";
    let weekday = r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,? )";
    let mbi_letter = "[AC-HJKMNP-RT-Y]";
    let mbi_either = "[AC-HJKMNP-RT-Y0-9]";
    let dates = [
        format!(r"{weekday}?{day} (?:of )?{month}(?:\.|(?-u:\b))(?:,? (?:19|20)\d{{2}})?"),
        format!(r"{weekday}?{month}(?:\.|(?-u:\b)) ?{day}(?:,? (?:19|20)\d{{2}})?"),
        r"(?:19|20)\d{2}-[01]\d-[0-3]\d".to_string(),
        r"\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)?\d{2}".to_string(),
        r"\d{1,2}\.\d{1,2}\.".to_string(),
        r"\d{1,2}/\d{1,2}".to_string(),
        r"the \d{1,2}(?:st|nd|rd|th)".to_string(),
    ];
    vec![
        // Ages (phi/ages.rs, phi/combination.rs, frame.rs).
        (
            "AGE",
            "Ages over 89 in digits or words with a unit, a sex, a cue or a birthday (on `lower`).",
            format!(
                concat!(
                    r"(?-u:\b)(?:",
                    r"(?P<unit>{n}|{w})(?:\s?-\s?|\s)?(?:years?|yrs?|yo|y/o|y\.o\.|yr)(?:[\s\-]?old)?(?-u:\b)",
                    r"|(?P<sex>{n})\s?(?:m|f|ans)(?-u:\b)",
                    r"|(?:aged|age|he's|she's|he is|she is|turned|turns|turning|just turned)\s(?P<ctx>{n}|{w})(?-u:\b)",
                    r"|(?:(?-u:\b)(?:is|was)|,)\s(?P<story>{w})(?-u:\b)",
                    r"|(?P<word>nonagenarian|centenarian|supercentenarian|centenaire|nonag[éÉe]naire)s?",
                    r"|(?P<bday>{n}(?:st|nd|rd|th))\sbirthday",
                    r")"
                ),
                n = num,
                w = number_words
            ),
        ),
        (
            "NAME_OLD_AGE",
            r#""(94)" or ", 94," right after a capitalised name."#,
            format!(r"\p{{Lu}}[\p{{L}}'\-]+(?:\s?\p{{So}})?(?:\s?\((?P<a>{num})\)|,\s(?P<b>{num})(?:,|\s))"),
        ),
        (
            "CASE_AGE",
            "Any age, for the combination of details (on `lower`).",
            r"(?-u:\b)(\d{1,3})\s?(?:-year-old|-yr-old|year-old|year old|years old|yo|y/o|m|f)(?-u:\b)|(?-u:\b)aged (\d{1,3})(?-u:\b)|(?::|,)\s(\d{1,3}),".to_string(),
        ),
        (
            "AGE_CUE",
            r#"A person's age ("19yo", "44-year-old", "aged 62", "she's 71,"): a strong sign of one person (on a lowercased sentence)."#,
            r"(?-u:\b)\d{1,3}\s?(?:yo|y/o|y\.o\.|-year-old|-yr-old|year old|years old|yr old|m|f)(?-u:\b)|(?-u:\b)aged \d{1,3}(?-u:\b)|(?-u:\b)(?:she|he)(?:'s| is) \d{1,3}(?:[,.;)]|$| and | with | years)".to_string(),
        ),
        // Dates (phi/dates.rs).
        (
            "DATE",
            "Dates in every written form (on `lower`).",
            format!(r"(?-u:\b)(?:{})", dates.join("|")),
        ),
        // Addresses (phi/addresses.rs).
        (
            "STREET",
            "A numbered street address or a PO box.",
            concat!(
                r"(?:(?:[Aa]pt|[Aa]partment|[Uu]nit|[Ff]lat|[Ss]uite)\.? ?\d{1,5}[A-Za-z]?,? )?",
                r"(?-u:\b)\d{1,5}[A-Za-z]?(?:/\d{1,5})?,? (?:[A-Z][a-z'\-]+ ){1,3}",
                r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Grove|Gr|Close|Cl|Crescent|Cres|Court|Ct|Place|Pl|Way|Terrace|Tce|Boulevard|Blvd|Parade|Pde|Highway|Hwy|Row|Square|Sq|Mews|Gardens|Gdns|Circuit|Cct|Walk|Rise|Green|Esplanade)",
                r"\.?(?-u:\b)(?: [NSEW](?-u:\b))?",
                r"|(?i:(?-u:\b)p\.? ?o\.? box \d{1,6})"
            )
            .to_string(),
        ),
        (
            "LIVES_ON",
            r#"A street named without a number where someone lives: "lives on Wattle St"."#,
            concat!(
                r"(?i:(?-u:\b)(?:lives|lived|living|grew up|moved) (?:on|in|to|at|off) (?:the )?)",
                r"(?P<street>(?:[A-Z][a-z'\-]+ ){1,3}",
                r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Grove|Close|Crescent|Cres|Court|Ct|Place|Way|Terrace|Parade|Row|Square|Mews|Gardens|Circuit|Walk|Rise|Esplanade))",
                r"(?-u:\b)"
            )
            .to_string(),
        ),
        (
            "UK_POSTCODE",
            "A UK postcode.",
            r"(?i)(?-u:\b)[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}(?-u:\b)".to_string(),
        ),
        (
            "CA_POSTCODE",
            "A Canadian postal code.",
            r"(?i)(?-u:\b)[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d(?-u:\b)".to_string(),
        ),
        (
            "STATE_CODE",
            r#"Four or five digits after a state, "ZIP"/"postcode", or "from" in a story."#,
            concat!(
                r"(?:(?-u:\b)(?P<au>NSW|VIC|QLD|SA|WA|TAS|NT|ACT|Vic|Qld|Tas),? (?P<auz>\d{4}))",
                r"|(?:(?-u:\b)(?P<us>A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]),? (?P<usz>\d{5}(?:-\d{4})?))",
                r"|(?:(?i:zip(?: code)?|postcode|post code):? (?P<lab>\d{4,5}(?:-\d{4})?))",
                r"|(?:(?i:from|in) (?P<from>\d{4,5}))(?-u:\b)"
            )
            .to_string(),
        ),
        // Contact details (phi/contact.rs).
        (
            "PHONE",
            "Phone numbers as written in our regions, international or national.",
            concat!(
                r"(?:\+|00)(?:44|61|1|64|353)[ .\-]?(?:\(0\)[ ]?)?\d{1,4}(?:[ .\-]?\d{2,4}){2,3}",
                r"|\(\d{3}\)[ ]?\d{3}[ .\-]\d{4}",
                r"|(?-u:\b)\d{3}[.\-]\d{3}[.\-]\d{4}(?-u:\b)",
                r"|(?-u:\b)\d{3} \d{3} \d{4}(?-u:\b)",
                r"|(?-u:\b)0\d{3,4}[ \-]?\d{3}[ \-]?\d{3,4}(?-u:\b)",
                r"|(?-u:\b)0\d{2}[ \-]\d{4}[ \-]\d{4}(?-u:\b)",
                r"|(?-u:\b)0[2378][ \-]?\d{4}[ \-]?\d{4}(?-u:\b)",
                r"|(?-u:\b)1[38]00[ \-]?\d{3}[ \-]?\d{3}(?-u:\b)",
            )
            .to_string(),
        ),
        (
            "EMAIL",
            "An email address, also spelt out with \"at\" and \"dot\".",
            concat!(
                r"(?i)[a-z0-9][a-z0-9._%+\-]*@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}",
                r"|(?i-u:\b)[a-z0-9._\-]{3,} ?(?:\(at\)|\[at\]| at ) ?[a-z0-9\-]+ ?(?:\(dot\)|\[dot\]| dot ) ?(?:com|org|net|co|uk|au|ca|edu)(?-u:\b)"
            )
            .to_string(),
        ),
        (
            "URL",
            "A web address, or a fundraiser or social profile link without a scheme.",
            r"(?i)(?:https?://|www\.)[^\s<>()]+|(?-u:\b)(?:gofundme\.com|justgiving\.com|instagram\.com|facebook\.com|fb\.com|tiktok\.com|x\.com|twitter\.com|linkedin\.com/in|youtube\.com/@|gofund\.me)/[^\s<>()]+".to_string(),
        ),
        (
            "HANDLE",
            "A social media handle.",
            r"@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?".to_string(),
        ),
        (
            "IPV4",
            "An IPv4 address, each octet captured.",
            r"(?-u:\b)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?-u:\b)".to_string(),
        ),
        (
            "IPV6",
            "An IPv6 address.",
            r"(?i)(?-u:\b)[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){3,7}(?-u:\b)".to_string(),
        ),
        (
            "CARD",
            "A payment card number: 15 or 16 digits, grouped in fours or not, starting 3 to 6.",
            r"(?-u:\b)[3-6]\d{3}(?:[ \-]?\d{4}){2}[ \-]?\d{3,4}(?-u:\b)".to_string(),
        ),
        (
            "IBAN",
            "An IBAN: a country code, two check digits and 11 to 30 letters or digits, in fours or not.",
            r"(?-u:\b)[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?-u:\b)".to_string(),
        ),
        // Health identifiers (phi/health_ids.rs).
        (
            "TEN_DIGITS",
            "Ten digits, grouped 3-3-4 or not: an NHS or CHI number to check.",
            r"(?-u:\b)\d{3}[ .\-]?\d{3}[ .\-]?\d{4}(?-u:\b)".to_string(),
        ),
        (
            "MBI",
            "A US Medicare Beneficiary Identifier.",
            format!(r"(?-u:\b)[1-9]{mbi_letter}{mbi_either}[0-9]-?{mbi_letter}{mbi_either}[0-9]-?{mbi_letter}{mbi_letter}[0-9]{{2}}(?-u:\b)"),
        ),
        (
            "MEDICARE_AU",
            "An Australian Medicare number, with its issue number.",
            r"(?-u:\b)[2-6]\d{3} ?\d{5} ?\d(?: ?[1-9])?(?-u:\b)".to_string(),
        ),
        (
            "IHI",
            "An Australian Individual Healthcare Identifier.",
            r"(?-u:\b)8003 ?6\d{2} ?\d{4} ?\d{4}(?-u:\b)".to_string(),
        ),
        (
            "OHIP",
            "An Ontario health card number with its version code.",
            r"(?-u:\b)\d{4}[ \-]?\d{3}[ \-]?\d{3}[ \-]?[A-Z]{2}(?-u:\b)".to_string(),
        ),
        // Names (phi/names.rs).
        (
            "NAME_AGE",
            r#"A capitalised word or two followed by an age: "Sunny (7)", "Ivy Thistlewood, 103,"."#,
            format!(r"(?P<name>{name_word}(?:[ \t](?:\p{{So}}[ \t]?)?{name_word}){{0,2}})(?:[ \t]?\((?:\d{{1,3}})\)|,[ \t]\d{{1,3}}[,)])"),
        ),
        (
            "RECORD",
            r#"Record-style "SURNAME, First" or "SURNAME, FIRST M" (wristbands, letters, labels)."#,
            r"(?-u:\b)(?P<name>\p{Lu}{2,}(?:[\-']\p{Lu}+)?,[ \t]\p{Lu}[\p{L}\-]+(?:[ \t]\p{Lu}(?-u:\b)\.?)?)".to_string(),
        ),
        (
            "SIGNATURE",
            r#"A quotation signed by its author: "'Botox changed my life' – Sandra, Parramatta", "pain free ever since!' — Mark T." (a testimonial names its patient)."#,
            format!(r#"["'\u{{201D}}\u{{2019}}!][ \t]*[-\u{{2013}}\u{{2014}}~][ \t]*(?P<name>{name_word}(?:[ \t]{name_word})?(?:[ \t]\p{{Lu}}\.)?)"#),
        ),
        (
            "INITIALS",
            r#"Initials with full stops: "J.M.", "A. B. C."."#,
            r"(?-u:\b)[A-Z]\.[ ]?[A-Z]\.(?:[ ]?[A-Z]\.)?".to_string(),
        ),
        // Numbers (phi/numbers.rs).
        (
            "ID_AFTER_LABEL",
            "An identifier token right after a label: optional letter prefix, at least four digits in groups, optional letter suffix.",
            concat!(
                r"^[\s.:#=(,\-]*(?:(?:no|number|num|is|was|of|id)(?-u:\b)[\s.:#=(\-]*){0,2}",
                r"((?:[A-Za-z]{1,4}[ \-]?)?\d[0-9A-Z]*(?:[ \-/]\d[0-9A-Z]*)*(?:[ \-][A-Z]{1,2}(?-u:\b))?)"
            )
            .to_string(),
        ),
        (
            "NEXT_IN_LIST",
            r#"Another identifier of the same list right after one: ", 123-456", " and 123-456"."#,
            r"^(?:\s*,\s*|\s+and\s+|\s+or\s+|\s*&\s*|\s*/\s*)([A-Za-z]{0,4}\d[\d\-]{3,20}[0-9A-Z]?)(?-u:\b)".to_string(),
        ),
        (
            "SSN",
            "A US Social Security number, spaced or not.",
            r"(?-u:\b)\d ?\d ?\d ?[\- ] ?\d ?\d ?[\- ] ?\d ?\d ?\d ?\d(?-u:\b)".to_string(),
        ),
        (
            "SIN",
            "A Canadian Social Insurance Number.",
            r"(?-u:\b)\d{3}[ \-]\d{3}[ \-]\d{3}(?-u:\b)".to_string(),
        ),
        (
            "NINO",
            "A UK National Insurance number.",
            r"(?-u:\b)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?-u:\b)".to_string(),
        ),
        (
            "UK_PLATE",
            "A current-style UK number plate.",
            r"(?-u:\b)[A-Z]{2}\d{2} ?[A-Z]{3}(?-u:\b)".to_string(),
        ),
        (
            "VEHICLE_PLATE",
            r#"A plate-like token after a vehicle word: "his ute (1XY 2ZW)"."#,
            r"(?i)(?-u:\b)(?:car|ute|truck|van|motorbike|motorcycle|suv|taxi|cab|vehicle)(?-u:\b)[^.\n]{0,20}?\((?-i)([A-Z0-9]{2,4} ?[A-Z0-9]{2,4})\)".to_string(),
        ),
        (
            "LONG_ID",
            r#"Long record-like numbers: seven or more digits (grouped or not), or letters then six or more digits ("D0123456", "RRN337912A")."#,
            r"(?-u:\b)(?:[A-Z]{1,3}\d{6,10}[A-Z]?|\d{7,12}|\d{3,4}(?:[ \-]\d{3,4}){2,3})(?-u:\b)".to_string(),
        ),
        // Places (phi/places.rs).
        (
            "WARD",
            "A ward, bed, bay or room with its number (on `lower`).",
            r"(?-u:\b)(?:(?:icu|hdu|ccu|itu) )?(?:ward|wd|bed|bay|room|rm|cubicle|cube|side ?room|resus|chambre|cot|pod|stall|majors|recovery bay)\s?(?:#|no\.? ?)?\d{1,3}[a-z]?(?-u:\b)".to_string(),
        ),
        (
            "SIGNATURE_PLACE",
            r#"The place after a signed quotation's name: "– Sandra, Parramatta"."#,
            r#"["'\u{201D}\u{2019}!][ \t]*[-\u{2013}\u{2014}~][ \t]*\p{Lu}[\p{L}'\-]+(?:[ \t]\p{Lu}\.?)?,[ \t]*(?P<place>\p{Lu}[\p{L}'\-]+(?:[ \t]\p{Lu}[\p{L}'\-]+)?)"#.to_string(),
        ),
        (
            "SCHOOL",
            r#"A named school: "St Mary's Primary", "Riverside High School"."#,
            r"(?-u:\b)\p{Lu}[\p{L}'\-]+(?:\s\p{Lu}[\p{L}'\-]+){0,3}\s(?:High|Primary|Elementary|Public|Academy|Secondary|Grammar|Middle|Junior|Infants|Montessori)(?:\s(?:School|College))?(?-u:\b)".to_string(),
        ),
    ]
}

/// A pattern as compiled: letter, mark and symbol classes narrowed to what names and posts
/// use here, `\d` an ASCII digit.
///
/// `\p{L}`, `\p{Lu}` and `\p{Ll}` are narrowed to the cased scripts names are written in
/// across our regions (Latin with its extensions, Greek, Cyrillic; scripts without case never
/// start a word with a capital), `\p{M}` to the combining diacritics, `\p{So}` to arrows,
/// symbols and emoji: the full classes made the compiled patterns several times larger. The
/// normalised text has every script's digits as ASCII ones.
pub fn expand(re: &str) -> String {
    const CASED: &str = r"\x{0}-\x{52F}\x{1E00}-\x{1FFF}";
    re.replace(r"\p{Lu}", &format!(r"[\p{{Lu}}&&[{CASED}]]"))
        .replace(r"\p{Ll}", &format!(r"[\p{{Ll}}&&[{CASED}]]"))
        .replace(r"\p{L}", &format!(r"[\p{{L}}&&[{CASED}]]"))
        .replace(
            r"\p{M}",
            r"[\x{300}-\x{36F}\x{1AB0}-\x{1AFF}\x{1DC0}-\x{1DFF}\x{20D0}-\x{20FF}]",
        )
        .replace(r"\p{So}", r"[\x{2190}-\x{2BFF}\x{1F000}-\x{1FAFF}]")
        .replace(r"\d", "[0-9]")
}
