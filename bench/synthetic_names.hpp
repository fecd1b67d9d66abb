// Name parts for the synthetic conference network: Chinese surnames and given
// characters with their romanisation, Latin first and last names, and words
// for organisations, conferences and topics.
#pragma once

#include <cstddef>

namespace liaison::bench {

struct Syllable {
    const char *han;
    const char *latin;
};

inline constexpr Syllable kSurnames[] = {
    {"王", "Wang"}, {"李", "Li"},    {"張", "Zhang"}, {"劉", "Liu"},   {"陳", "Chen"},  {"楊", "Yang"},
    {"黃", "Huang"}, {"趙", "Zhao"}, {"吳", "Wu"},    {"周", "Zhou"},  {"徐", "Xu"},    {"孫", "Sun"},
    {"馬", "Ma"},   {"朱", "Zhu"},   {"胡", "Hu"},    {"郭", "Guo"},   {"何", "He"},    {"林", "Lin"},
    {"羅", "Luo"},  {"高", "Gao"},   {"鄭", "Zheng"}, {"梁", "Liang"}, {"謝", "Xie"},   {"宋", "Song"},
    {"唐", "Tang"}, {"許", "Hsu"},   {"韓", "Han"},   {"馮", "Feng"},  {"鄧", "Deng"},  {"曹", "Cao"},
    {"彭", "Peng"}, {"曾", "Zeng"},  {"蕭", "Hsiao"}, {"田", "Tian"},  {"董", "Dong"},  {"潘", "Pan"},
    {"袁", "Yuan"}, {"蔡", "Tsai"},  {"蔣", "Chiang"}, {"莊", "Chuang"},
};

inline constexpr Syllable kGiven[] = {
    {"明", "ming"}, {"芬", "fen"},   {"偉", "wei"},   {"華", "hua"},   {"強", "qiang"}, {"麗", "li"},
    {"敏", "min"},  {"靜", "jing"},  {"傑", "jie"},   {"軍", "jun"},   {"平", "ping"},  {"剛", "gang"},
    {"桂", "gui"},  {"英", "ying"},  {"文", "wen"},   {"輝", "hui"},   {"玲", "ling"},  {"秀", "xiu"},
    {"娟", "juan"}, {"建", "jian"},  {"國", "kuo"},   {"志", "chih"},  {"宏", "hong"},  {"淑", "shu"},
    {"惠", "hui"},  {"美", "mei"},   {"俊", "chun"},  {"雅", "ya"},    {"婷", "ting"},  {"怡", "yi"},
    {"家", "chia"}, {"豪", "hao"},   {"冠", "kuan"},  {"宇", "yu"},    {"佳", "chia"},  {"欣", "hsin"},
    {"承", "cheng"}, {"翰", "han"},  {"思", "ssu"},   {"涵", "han"},
};

inline constexpr const char *kFirstNames[] = {
    "Anna", "Boris", "Carlos", "Daria", "Elena", "Farid", "Greta", "Hiroshi", "Ingrid", "Jonas",
    "Karin", "Luca", "Maria", "Nikolai", "Olga", "Pavel", "Quentin", "Rosa", "Sergei", "Tanja",
    "Ulrich", "Vera", "Walter", "Xenia", "Yusuf", "Zofia", "Ahmed", "Beatriz", "Chloe", "Dmitri",
    "Emma", "Fatima", "Giorgio", "Hana", "Ivan", "Julia", "Kenji", "Leila", "Mateo", "Nadia",
    "Oscar", "Priya", "Rafael", "Sofia", "Tomas", "Uma", "Viktor", "Wei", "Yara", "Zoran",
};

inline constexpr const char *kLastNames[] = {
    "Andersen", "Baranov", "Costa", "Dubois", "Eriksson", "Fischer", "Garcia", "Hoffmann", "Ivanova",
    "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quispe", "Rossi",
    "Schmidt", "Tanaka", "Umarov", "Vasquez", "Weber", "Xavier", "Yamamoto", "Zielinski", "Almeida",
    "Becker", "Castillo", "Dimitrov", "Esposito", "Fernandes", "Gonzalez", "Horvath", "Ishikawa",
    "Jovanovic", "Kuznetsov", "Laurent", "Mendes", "Nakamura", "Olsen", "Popescu", "Rahman", "Suzuki",
    "Torres", "Ueda", "Volkov", "Wagner", "Yilmaz", "Zhukov", "Abbas", "Bianchi", "Carvalho", "Diaz",
    "Engel", "Fontaine", "Gruber", "Haddad", "Kaur", "Lopez",
};

inline constexpr const char *kOrgPlaces[] = {
    "National", "Northern", "Southern", "Eastern", "Western", "Central", "Metropolitan", "Federal",
    "Pacific", "Atlantic", "Baltic", "Nordic", "Continental", "Coastal", "Highland", "Capital",
};
inline constexpr const char *kOrgFields[] = {
    "Digital Governance", "E-Government", "Public Administration", "Information Policy",
    "Cyber Security", "Open Data", "Smart Cities", "Digital Economy", "Civic Technology",
    "Data Science", "Telecommunications", "Public Finance",
};
inline constexpr const char *kOrgTypes[] = {
    "Institute", "University", "Agency", "Council", "Foundation", "Ministry", "Academy", "Centre",
};
inline constexpr const char *kOrgHan[] = {
    "數位治理研究院", "電子化政府中心", "資訊政策委員會", "國家發展委員會", "公共行政學會",
    "智慧城市協會", "資料科學研究所", "數位經濟基金會",
};

inline constexpr Syllable kTopics[] = {
    {"數位轉型", "Digital transformation"}, {"開放資料", "Open data"},
    {"資訊安全", "Information security"},   {"電子化政府", "E-government"},
    {"智慧城市", "Smart cities"},           {"人工智慧", "Artificial intelligence"},
    {"數位身分", "Digital identity"},       {"雲端運算", "Cloud computing"},
    {"區塊鏈", "Blockchain"},               {"資料治理", "Data governance"},
    {"數位包容", "Digital inclusion"},      {"公共服務創新", "Public service innovation"},
    {"網路治理", "Internet governance"},    {"個人資料保護", "Personal data protection"},
    {"數位經濟", "Digital economy"},        {"行動政府", "Mobile government"},
};

inline constexpr const char *kConferenceKinds[] = {
    "Conference", "Summit", "Forum", "Symposium", "Workshop", "Congress",
};
inline constexpr const char *kSessionKinds[] = {
    "Plenary", "Panel", "Keynote", "Round table", "Parallel session", "Workshop",
};

template <typename T, std::size_t N> constexpr std::size_t countOf(const T (&)[N]) { return N; }

} // namespace liaison::bench
