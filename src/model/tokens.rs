//! Tokens for the learned layer: words (letters, digits and the joiners inside them, so
//! "3/14/1951", "O'Neil" and "@tomo_88" are one token each), single punctuation marks and
//! symbols, and line breaks. Spans are UTF-8 byte ranges of the normalised text.

use std::ops::Range;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Letters only (with joiners).
    Word,
    /// Digits only (with joiners).
    Number,
    /// Letters and digits.
    Mixed,
    /// One punctuation mark, symbol or emoji.
    Punct,
    /// A line break.
    Newline,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    pub class: Class,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Joiners kept inside a word when a word character follows them.
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '-' | '.' | '/' | ':' | '_' | '&')
}

/// Splits `text` into tokens, in order; whitespace other than line breaks is dropped.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '\n' {
            tokens.push(Token {
                span: at..at + 1,
                class: Class::Newline,
            });
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        let prefix = matches!(c, '@' | '#') && chars.peek().is_some_and(|&(_, n)| is_word_char(n));
        if !(is_word_char(c) || prefix) {
            tokens.push(Token {
                span: at..at + c.len_utf8(),
                class: Class::Punct,
            });
            continue;
        }
        let (mut letters, mut digits) = (c.is_alphabetic(), c.is_numeric());
        let mut end = at + c.len_utf8();
        while let Some(&(i, n)) = chars.peek() {
            if is_word_char(n) {
                letters |= n.is_alphabetic();
                digits |= n.is_numeric();
                end = i + n.len_utf8();
                chars.next();
            } else if is_joiner(n) && text[i + 1..].chars().next().is_some_and(is_word_char) {
                end = i + 1;
                chars.next();
            } else {
                break;
            }
        }
        let class = match (letters, digits) {
            (true, true) => Class::Mixed,
            (false, true) => Class::Number,
            _ => Class::Word,
        };
        tokens.push(Token {
            span: at..end,
            class,
        });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| &text[t.span]).collect()
    }

    #[test]
    fn keeps_joined_words_whole() {
        assert_eq!(
            words("Pt O'Neil, DOB 3/14/1951 (@tomo_88)!\nok"),
            [
                "Pt",
                "O'Neil",
                ",",
                "DOB",
                "3/14/1951",
                "(",
                "@tomo_88",
                ")",
                "!",
                "\n",
                "ok"
            ]
        );
        assert_eq!(words("end. Next - a"), ["end", ".", "Next", "-", "a"]);
    }

    #[test]
    fn classes_and_unicode() {
        let text = "José 94 yo 4B 😀 é́";
        let classes: Vec<Class> = tokenize(text).iter().map(|t| t.class).collect();
        assert_eq!(
            classes,
            [
                Class::Word,
                Class::Number,
                Class::Word,
                Class::Mixed,
                Class::Punct,
                Class::Word
            ]
        );
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
    }
}
