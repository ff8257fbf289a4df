//! Citations of the professional guidance that rules map to, shared between rules.
//! Paragraph numbers are given where the published text numbers them.

use crate::finding::Cite;

const fn cite(source: &'static str, section: &'static str) -> Cite {
    Cite { source, section }
}

// United States.
pub const HIPAA_SAFE_HARBOR: Cite = cite(
    "HIPAA Privacy Rule, 45 CFR 164.514(b)(2)",
    "Safe Harbor de-identification: the 18 identifiers",
);
pub const HIPAA_DISCLOSURE: Cite = cite(
    "HIPAA Privacy Rule, 45 CFR 164.502(a)",
    "uses and disclosures of protected health information",
);
pub const OCR_REVIEWS: Cite = cite(
    "HHS OCR enforcement (Elite Dental 2019, New Vision Dental 2022, Manasa Health 2023)",
    "replies to online reviews that disclose PHI",
);
pub const AMA_232_A: Cite = cite(
    "AMA Code of Medical Ethics, Opinion 2.3.2",
    "(a) refrain from posting identifiable patient information",
);
pub const AMA_232_C: Cite = cite(
    "AMA Code of Medical Ethics, Opinion 2.3.2",
    "(c) maintain appropriate boundaries of the patient-physician relationship",
);
pub const AMA_232_F: Cite = cite(
    "AMA Code of Medical Ethics, Opinion 2.3.2",
    "(f) online actions can undermine public trust and careers",
);
pub const FSMB_SOCIAL: Cite = cite(
    "FSMB Social Media and Electronic Communications (2019)",
    "professionalism, privacy and boundaries online",
);
pub const FTC_ENDORSEMENT: Cite = cite(
    "FTC Endorsement Guides, 16 CFR Part 255 (2023)",
    "disclosure of material connections",
);

// United Kingdom.
pub const GMC_SM_18: Cite = cite(
    "GMC 2024 Using social media as a medical professional",
    "para 18: confidentiality and dignity",
);
pub const GMC_SM_19: Cite = cite(
    "GMC 2024 Using social media as a medical professional",
    "para 19: details that together identify a patient",
);
pub const GMC_SM_20: Cite = cite(
    "GMC 2024 Using social media as a medical professional",
    "para 20: no identifiable information without consent",
);
pub const GMC_SM_14: Cite = cite(
    "GMC 2024 Using social media as a medical professional",
    "para 14: do not abuse, discriminate, bully or harass",
);
pub const GMC_SM_15: Cite = cite(
    "GMC 2024 Using social media as a medical professional",
    "para 15: defamation, discrimination and harassment law",
);
pub const GMC_CONFIDENTIALITY: Cite = cite(
    "GMC Confidentiality: good practice in handling patient information (2017)",
    "paras 8-11, disclosing information",
);
pub const GMP_81: Cite = cite(
    "GMC Good medical practice 2024",
    "para 81: act with honesty and integrity, keep public trust",
);
pub const BMA_SOCIAL: Cite = cite(
    "BMA Social media, ethics and professionalism (2018)",
    "patients, colleagues and conflicts of interest",
);

// Australia.
pub const AHPRA_SOCIAL_CONFIDENTIALITY: Cite = cite(
    "Ahpra Social media: how to meet your obligations (2019, updated 2024)",
    "confidentiality and privacy",
);
pub const AHPRA_SOCIAL_CONDUCT: Cite = cite(
    "Ahpra Social media: how to meet your obligations (2019, updated 2024)",
    "professional conduct and respectful communication",
);
pub const AHPRA_SOCIAL_BOUNDARIES: Cite = cite(
    "Ahpra Social media: how to meet your obligations (2019, updated 2024)",
    "professional boundaries",
);
pub const MBA_CODE_PRIVACY: Cite = cite(
    "Medical Board of Australia Good medical practice (2020)",
    "3.4 confidentiality and privacy",
);
pub const MBA_CODE_RESPECT: Cite = cite(
    "Medical Board of Australia Good medical practice (2020)",
    "4.2 working with colleagues; 3.1 respect",
);
pub const NATIONAL_LAW_S133: Cite = cite(
    "Health Practitioner Regulation National Law, s133",
    "advertising: no testimonials, no misleading claims",
);
pub const AHPRA_ADVERTISING: Cite = cite(
    "Ahpra Guidelines for advertising a regulated health service (2020)",
    "testimonials, claims and evidence",
);

// Canada.
pub const CPSO_SOCIAL: Cite = cite(
    "CPSO Social Media - Appropriate Use by Physicians (2022, updated 2024)",
    "confidentiality, professionalism and boundaries",
);
pub const CMA_CODE_31_33: Cite = cite(
    "CMA Code of Ethics and Professionalism (2018)",
    "31-33: dignity, respectful communication, civility",
);
pub const CMA_SOCIAL: Cite = cite(
    "CMA Social media and Canadian physicians (2011)",
    "patient privacy and the doctor-patient relationship",
);
pub const PHIPA: Cite = cite(
    "Ontario PHIPA 2004 and provincial health-privacy acts",
    "disclosure of personal health information",
);

// Shared by several regions.
pub const STIGMA_RESEARCH: Cite = cite(
    "Goddu et al., J Gen Intern Med 2018; Park et al., JAMA Netw Open 2021",
    "stigmatising language in records changes how colleagues treat the patient",
);
pub const GMC_SM_4: Cite = cite(
    "GMC 2024 Using social media as a medical professional",
    "para 4: the same standards apply online as offline",
);
pub const GMP_CONFLICTS: Cite = cite(
    "GMC Good medical practice 2024",
    "honesty and openness about financial and commercial interests",
);
pub const GMP_MISLEADING: Cite = cite(
    "GMC Good medical practice 2024",
    "information you publish must be factual, verifiable and not misleading",
);
pub const GMC_BOUNDARIES: Cite = cite(
    "GMC Maintaining personal and professional boundaries (2024)",
    "social media contact and sexual behaviour with patients",
);
pub const CMA_CODE_41: Cite = cite(
    "CMA Code of Ethics and Professionalism (2018)",
    "41: flag opinions contrary to accepted scientific views",
);
pub const NATIONAL_LAW_S140: Cite = cite(
    "Health Practitioner Regulation National Law, s140",
    "notifiable conduct: practising while intoxicated",
);
pub const CPSO_ADVERTISING: Cite = cite(
    "CPSO Advertising policy",
    "no testimonials, no superlatives, no misleading claims",
);
