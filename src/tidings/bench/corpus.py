"""A reproducible synthetic news corpus for throughput benchmarks.

``generate(n, seed)`` yields ``n`` documents ``{"id", "date", "text"}`` of roughly 400-600 words
each: a title line, then paragraphs separated by blank lines. Topics are mixed (diplomacy, aid,
sanctions, protests, armed conflict, elections, economy and markets, plus sport and weather filler
that holds no political events), and every sentence is drawn from a large set of templates whose
slots are filled with countries, leaders, organisations, armed groups, numbers, amounts and dates,
so that no two documents repeat and caching cannot flatter a system. About 15% of the documents
carry scraped-page debris (ad markers, "Source link", share labels, publisher and credit lines).

The same ``(n, seed)`` always gives the same corpus; document ``i`` depends only on ``seed`` and
``i``. Standard library only. The text is synthetic: the facts in it are random, not news.
"""

from __future__ import annotations

import datetime as _dt
import random
from collections.abc import Iterator

__all__ = ["generate", "TEMPLATES", "TITLES"]

# ----------------------------------------------------------------------------- vocabulary
# (name, adjective, capital, other cities, leaders as (title, full name, short name))
COUNTRIES: tuple = (
    ("Afghanistan", "Afghan", "Kabul", ("Kandahar", "Herat", "Mazar-i-Sharif"), (("President", "Ashraf Ghani", "Ghani"),)),
    ("Algeria", "Algerian", "Algiers", ("Oran", "Constantine"), (("President", "Abdelmadjid Tebboune", "Tebboune"),)),
    ("Angola", "Angolan", "Luanda", ("Huambo", "Lobito"), (("President", "Joao Lourenco", "Lourenco"),)),
    ("Argentina", "Argentine", "Buenos Aires", ("Cordoba", "Rosario"), (("President", "Javier Milei", "Milei"), ("President", "Alberto Fernandez", "Fernandez"))),
    ("Armenia", "Armenian", "Yerevan", ("Gyumri", "Vanadzor"), (("Prime Minister", "Nikol Pashinyan", "Pashinyan"),)),
    ("Australia", "Australian", "Canberra", ("Sydney", "Melbourne", "Perth"), (("Prime Minister", "Anthony Albanese", "Albanese"),)),
    ("Azerbaijan", "Azerbaijani", "Baku", ("Ganja", "Sumgait"), (("President", "Ilham Aliyev", "Aliyev"),)),
    ("Bangladesh", "Bangladeshi", "Dhaka", ("Chittagong", "Khulna", "Sylhet"), (("Prime Minister", "Sheikh Hasina", "Hasina"),)),
    ("Belarus", "Belarusian", "Minsk", ("Brest", "Gomel", "Grodno"), (("President", "Alexander Lukashenko", "Lukashenko"),)),
    ("Bolivia", "Bolivian", "La Paz", ("Santa Cruz", "Cochabamba"), (("President", "Luis Arce", "Arce"),)),
    ("Brazil", "Brazilian", "Brasilia", ("Sao Paulo", "Rio de Janeiro", "Salvador"), (("President", "Luiz Inacio Lula da Silva", "Lula"),)),
    ("Burkina Faso", "Burkinabe", "Ouagadougou", ("Bobo-Dioulasso", "Djibo"), (("President", "Ibrahim Traore", "Traore"),)),
    ("Cameroon", "Cameroonian", "Yaounde", ("Douala", "Bamenda"), (("President", "Paul Biya", "Biya"),)),
    ("Canada", "Canadian", "Ottawa", ("Toronto", "Montreal", "Vancouver"), (("Prime Minister", "Justin Trudeau", "Trudeau"),)),
    ("Chad", "Chadian", "N'Djamena", ("Abeche", "Moundou"), (("President", "Mahamat Idriss Deby", "Deby"),)),
    ("Chile", "Chilean", "Santiago", ("Valparaiso", "Antofagasta"), (("President", "Gabriel Boric", "Boric"),)),
    ("China", "Chinese", "Beijing", ("Shanghai", "Guangzhou", "Wuhan"), (("President", "Xi Jinping", "Xi"), ("Premier", "Li Qiang", "Li"))),
    ("Colombia", "Colombian", "Bogota", ("Medellin", "Cali", "Cucuta"), (("President", "Gustavo Petro", "Petro"),)),
    ("the Democratic Republic of Congo", "Congolese", "Kinshasa", ("Goma", "Bukavu", "Lubumbashi"), (("President", "Felix Tshisekedi", "Tshisekedi"),)),
    ("Egypt", "Egyptian", "Cairo", ("Alexandria", "Port Said", "Aswan"), (("President", "Abdel Fattah al-Sisi", "Sisi"),)),
    ("Ethiopia", "Ethiopian", "Addis Ababa", ("Mekelle", "Gondar", "Bahir Dar"), (("Prime Minister", "Abiy Ahmed", "Abiy"),)),
    ("France", "French", "Paris", ("Marseille", "Lyon", "Toulouse"), (("President", "Emmanuel Macron", "Macron"),)),
    ("Georgia", "Georgian", "Tbilisi", ("Batumi", "Kutaisi"), (("Prime Minister", "Irakli Kobakhidze", "Kobakhidze"),)),
    ("Germany", "German", "Berlin", ("Hamburg", "Munich", "Frankfurt"), (("Chancellor", "Olaf Scholz", "Scholz"), ("Chancellor", "Angela Merkel", "Merkel"))),
    ("Ghana", "Ghanaian", "Accra", ("Kumasi", "Tamale"), (("President", "Nana Akufo-Addo", "Akufo-Addo"),)),
    ("Greece", "Greek", "Athens", ("Thessaloniki", "Patras"), (("Prime Minister", "Kyriakos Mitsotakis", "Mitsotakis"),)),
    ("Haiti", "Haitian", "Port-au-Prince", ("Cap-Haitien", "Gonaives"), (("Prime Minister", "Ariel Henry", "Henry"),)),
    ("Hungary", "Hungarian", "Budapest", ("Debrecen", "Szeged"), (("Prime Minister", "Viktor Orban", "Orban"),)),
    ("India", "Indian", "New Delhi", ("Mumbai", "Kolkata", "Chennai"), (("Prime Minister", "Narendra Modi", "Modi"),)),
    ("Indonesia", "Indonesian", "Jakarta", ("Surabaya", "Medan", "Makassar"), (("President", "Joko Widodo", "Widodo"), ("President", "Prabowo Subianto", "Prabowo"))),
    ("Iran", "Iranian", "Tehran", ("Isfahan", "Mashhad", "Tabriz"), (("President", "Masoud Pezeshkian", "Pezeshkian"), ("President", "Hassan Rouhani", "Rouhani"))),
    ("Iraq", "Iraqi", "Baghdad", ("Basra", "Mosul", "Erbil"), (("Prime Minister", "Mohammed Shia al-Sudani", "Sudani"),)),
    ("Israel", "Israeli", "Jerusalem", ("Tel Aviv", "Haifa", "Beersheba"), (("Prime Minister", "Benjamin Netanyahu", "Netanyahu"),)),
    ("Italy", "Italian", "Rome", ("Milan", "Naples", "Turin"), (("Prime Minister", "Giorgia Meloni", "Meloni"),)),
    ("Japan", "Japanese", "Tokyo", ("Osaka", "Nagoya", "Fukuoka"), (("Prime Minister", "Fumio Kishida", "Kishida"),)),
    ("Jordan", "Jordanian", "Amman", ("Irbid", "Zarqa", "Aqaba"), (("King", "Abdullah II", "Abdullah"),)),
    ("Kazakhstan", "Kazakh", "Astana", ("Almaty", "Shymkent", "Aktau"), (("President", "Kassym-Jomart Tokayev", "Tokayev"),)),
    ("Kenya", "Kenyan", "Nairobi", ("Mombasa", "Kisumu", "Nakuru"), (("President", "William Ruto", "Ruto"),)),
    ("Lebanon", "Lebanese", "Beirut", ("Tripoli", "Sidon", "Tyre"), (("Prime Minister", "Najib Mikati", "Mikati"),)),
    ("Libya", "Libyan", "Tripoli", ("Benghazi", "Misrata", "Sabha"), (("Prime Minister", "Abdulhamid Dbeibah", "Dbeibah"),)),
    ("Lithuania", "Lithuanian", "Vilnius", ("Kaunas", "Klaipeda"), (("President", "Gitanas Nauseda", "Nauseda"),)),
    ("Mali", "Malian", "Bamako", ("Gao", "Timbuktu", "Mopti"), (("interim President", "Assimi Goita", "Goita"),)),
    ("Mexico", "Mexican", "Mexico City", ("Guadalajara", "Monterrey", "Tijuana"), (("President", "Andres Manuel Lopez Obrador", "Lopez Obrador"), ("President", "Claudia Sheinbaum", "Sheinbaum"))),
    ("Moldova", "Moldovan", "Chisinau", ("Balti", "Cahul"), (("President", "Maia Sandu", "Sandu"),)),
    ("Morocco", "Moroccan", "Rabat", ("Casablanca", "Marrakesh", "Tangier"), (("King", "Mohammed VI", "Mohammed"),)),
    ("Mozambique", "Mozambican", "Maputo", ("Beira", "Pemba", "Nampula"), (("President", "Filipe Nyusi", "Nyusi"),)),
    ("Myanmar", "Myanmar", "Naypyitaw", ("Yangon", "Mandalay", "Sittwe"), (("junta chief", "Min Aung Hlaing", "Min Aung Hlaing"),)),
    ("Niger", "Nigerien", "Niamey", ("Zinder", "Agadez", "Tillaberi"), (("General", "Abdourahamane Tiani", "Tiani"),)),
    ("Nigeria", "Nigerian", "Abuja", ("Lagos", "Kano", "Maiduguri"), (("President", "Bola Tinubu", "Tinubu"), ("President", "Muhammadu Buhari", "Buhari"))),
    ("Pakistan", "Pakistani", "Islamabad", ("Karachi", "Lahore", "Peshawar", "Quetta"), (("Prime Minister", "Shehbaz Sharif", "Sharif"),)),
    ("Peru", "Peruvian", "Lima", ("Arequipa", "Cusco", "Puno"), (("President", "Dina Boluarte", "Boluarte"),)),
    ("the Philippines", "Philippine", "Manila", ("Cebu", "Davao", "Zamboanga"), (("President", "Ferdinand Marcos Jr", "Marcos"),)),
    ("Poland", "Polish", "Warsaw", ("Krakow", "Gdansk", "Bialystok"), (("Prime Minister", "Donald Tusk", "Tusk"), ("President", "Andrzej Duda", "Duda"))),
    ("Qatar", "Qatari", "Doha", ("Al Wakrah", "Al Khor"), (("Emir", "Sheikh Tamim bin Hamad al-Thani", "Sheikh Tamim"),)),
    ("Russia", "Russian", "Moscow", ("St Petersburg", "Kazan", "Rostov-on-Don"), (("President", "Vladimir Putin", "Putin"),)),
    ("Rwanda", "Rwandan", "Kigali", ("Butare", "Gisenyi"), (("President", "Paul Kagame", "Kagame"),)),
    ("Saudi Arabia", "Saudi", "Riyadh", ("Jeddah", "Dammam", "Mecca"), (("Crown Prince", "Mohammed bin Salman", "Prince Mohammed"),)),
    ("Senegal", "Senegalese", "Dakar", ("Thies", "Ziguinchor", "Saint-Louis"), (("President", "Macky Sall", "Sall"),)),
    ("Serbia", "Serbian", "Belgrade", ("Novi Sad", "Nis"), (("President", "Aleksandar Vucic", "Vucic"),)),
    ("Somalia", "Somali", "Mogadishu", ("Kismayo", "Baidoa", "Beledweyne"), (("President", "Hassan Sheikh Mohamud", "Mohamud"),)),
    ("South Africa", "South African", "Pretoria", ("Johannesburg", "Cape Town", "Durban"), (("President", "Cyril Ramaphosa", "Ramaphosa"),)),
    ("South Korea", "South Korean", "Seoul", ("Busan", "Incheon", "Daegu"), (("President", "Yoon Suk Yeol", "Yoon"),)),
    ("South Sudan", "South Sudanese", "Juba", ("Malakal", "Bor", "Wau"), (("President", "Salva Kiir", "Kiir"),)),
    ("Sri Lanka", "Sri Lankan", "Colombo", ("Kandy", "Galle", "Jaffna"), (("President", "Ranil Wickremesinghe", "Wickremesinghe"),)),
    ("Sudan", "Sudanese", "Khartoum", ("Omdurman", "Port Sudan", "El Fasher"), (("army chief", "Abdel Fattah al-Burhan", "Burhan"),)),
    ("Syria", "Syrian", "Damascus", ("Aleppo", "Homs", "Idlib"), (("President", "Bashar al-Assad", "Assad"),)),
    ("Thailand", "Thai", "Bangkok", ("Chiang Mai", "Phuket", "Hat Yai"), (("Prime Minister", "Srettha Thavisin", "Srettha"),)),
    ("Tunisia", "Tunisian", "Tunis", ("Sfax", "Sousse", "Gafsa"), (("President", "Kais Saied", "Saied"),)),
    ("Turkey", "Turkish", "Ankara", ("Istanbul", "Izmir", "Diyarbakir"), (("President", "Tayyip Erdogan", "Erdogan"),)),
    ("Uganda", "Ugandan", "Kampala", ("Gulu", "Mbarara", "Jinja"), (("President", "Yoweri Museveni", "Museveni"),)),
    ("Ukraine", "Ukrainian", "Kyiv", ("Kharkiv", "Odesa", "Lviv", "Dnipro"), (("President", "Volodymyr Zelenskiy", "Zelenskiy"),)),
    ("the United Arab Emirates", "Emirati", "Abu Dhabi", ("Dubai", "Sharjah"), (("President", "Sheikh Mohamed bin Zayed", "Sheikh Mohamed"),)),
    ("Britain", "British", "London", ("Manchester", "Birmingham", "Glasgow"), (("Prime Minister", "Keir Starmer", "Starmer"), ("Prime Minister", "Rishi Sunak", "Sunak"))),
    ("the United States", "U.S.", "Washington", ("New York", "Chicago", "Los Angeles"), (("President", "Joe Biden", "Biden"), ("President", "Donald Trump", "Trump"))),
    ("Venezuela", "Venezuelan", "Caracas", ("Maracaibo", "Valencia", "Barquisimeto"), (("President", "Nicolas Maduro", "Maduro"),)),
    ("Vietnam", "Vietnamese", "Hanoi", ("Ho Chi Minh City", "Da Nang", "Haiphong"), (("Prime Minister", "Pham Minh Chinh", "Chinh"),)),
    ("Yemen", "Yemeni", "Sanaa", ("Aden", "Hodeidah", "Marib", "Taiz"), (("Prime Minister", "Ahmed Awad bin Mubarak", "bin Mubarak"),)),
    ("Zimbabwe", "Zimbabwean", "Harare", ("Bulawayo", "Mutare"), (("President", "Emmerson Mnangagwa", "Mnangagwa"),)),
)

# intergovernmental and non-governmental bodies, written as they appear mid-sentence
ORGANISATIONS: tuple = (
    "the United Nations", "the U.N. Security Council", "the European Union", "the African Union",
    "the Association of Southeast Asian Nations", "the Economic Community of West African States",
    "the Arab League", "NATO", "the Organization for Security and Co-operation in Europe",
    "the World Health Organization", "the World Food Programme", "the U.N. refugee agency",
    "UNICEF", "the International Committee of the Red Cross", "Amnesty International",
    "Human Rights Watch", "the Gulf Cooperation Council", "the Shanghai Cooperation Organisation",
    "the Organization of American States", "the Southern African Development Community",
    "the Commonwealth", "the International Atomic Energy Agency", "Medecins Sans Frontieres",
    "the Council of Europe", "the Intergovernmental Authority on Development",
)

LENDERS: tuple = (
    "the International Monetary Fund", "the World Bank", "the African Development Bank",
    "the Asian Development Bank", "the Inter-American Development Bank", "the European Investment Bank",
    "the Islamic Development Bank", "the Asian Infrastructure Investment Bank",
    "the European Bank for Reconstruction and Development", "the New Development Bank",
)

# (group as written, home country as in COUNTRIES)
ARMED_GROUPS: tuple = (
    ("M23 rebels", "the Democratic Republic of Congo"), ("the Allied Democratic Forces", "the Democratic Republic of Congo"),
    ("al Shabaab", "Somalia"), ("the Houthis", "Yemen"), ("Boko Haram", "Nigeria"),
    ("Islamic State West Africa Province", "Nigeria"), ("the Rapid Support Forces", "Sudan"),
    ("the Pakistani Taliban", "Pakistan"), ("the Baloch Liberation Army", "Pakistan"),
    ("the National Liberation Army", "Colombia"), ("FARC dissidents", "Colombia"),
    ("the Arakan Army", "Myanmar"), ("the Kachin Independence Army", "Myanmar"),
    ("JNIM militants", "Mali"), ("Tuareg separatists", "Mali"), ("the PKK", "Turkey"),
    ("Islamic State fighters", "Iraq"), ("Islamic State fighters", "Syria"), ("Hayat Tahrir al-Sham", "Syria"),
    ("Fano militiamen", "Ethiopia"), ("the New People's Army", "the Philippines"), ("Abu Sayyaf", "the Philippines"),
    ("Ambazonian separatists", "Cameroon"), ("Ansar al-Sunna insurgents", "Mozambique"),
    ("the Taliban", "Afghanistan"), ("the SPLA-IO", "South Sudan"), ("armed gangs", "Haiti"),
    ("ISIS-K militants", "Afghanistan"), ("Ansaroul Islam", "Burkina Faso"),
)

FIRST_NAMES: tuple = (
    "Amina", "Daniel", "Sofia", "Omar", "Li", "Maria", "Kwame", "Elena", "Ahmed", "Priya", "John", "Fatima",
    "Carlos", "Nadia", "Yusuf", "Anna", "Tomas", "Grace", "Hiroshi", "Leila", "Samuel", "Irina", "Juan",
    "Aisha", "Pierre", "Mei", "David", "Zainab", "Mateo", "Olga", "Chinedu", "Sara", "Arjun", "Hana",
)
LAST_NAMES: tuple = (
    "Mensah", "Novak", "Haddad", "Okafor", "Chen", "Garcia", "Petrova", "Khan", "Silva", "Nguyen", "Kowalski",
    "Mwangi", "Rahman", "Dubois", "Tanaka", "Osei", "Ivanova", "Hussein", "Lopez", "Schmidt", "Banda",
    "Yilmaz", "Fernando", "Moreau", "Park", "Adeyemi", "Rossi", "Kariuki", "Sato", "Abdi", "Mendez", "Larsen",
)

COMMODITIES: tuple = (
    "oil", "natural gas", "cocoa", "copper", "coffee", "wheat", "cotton", "gold", "potash", "timber",
    "fish", "rice", "diamonds", "uranium", "palm oil", "steel", "fertiliser", "tea", "lithium", "sugar",
)
DISASTERS: tuple = (
    "floods that forced {N} people from their homes", "an earthquake that flattened several villages",
    "the worst drought in {k2} years", "a cyclone that tore through the coast",
    "landslides that buried dozens of homes", "a cholera outbreak in the south",
)
RATING_AGENCIES: tuple = ("Moody's", "S&P Global", "Fitch")
TEAMS: tuple = (
    "Al Ahly", "Zamalek", "Galatasaray", "Fenerbahce", "Boca Juniors", "River Plate", "Kaizer Chiefs",
    "Orlando Pirates", "Esperance", "Wydad Casablanca", "Flamengo", "Palmeiras", "Urawa Red Diamonds",
    "Al Hilal", "Persepolis", "Club America", "Olympiacos", "Red Star Belgrade", "Shakhtar Donetsk",
    "Mamelodi Sundowns", "Gor Mahia", "Simba", "Enyimba", "Hearts of Oak", "Dinamo Zagreb", "Legia Warsaw",
)
TOURNAMENTS: tuple = (
    "African Champions League", "Copa Libertadores", "Asian Champions League", "CONCACAF Champions Cup",
    "regional cup", "national cup", "Confederation Cup", "Club World Cup qualifiers",
)
REGIONS: tuple = ("north", "south", "east", "west", "northeast", "southwest", "central highlands", "coastal plain")
MONTHS: tuple = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                 "October", "November", "December")
WEEKDAYS: tuple = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WIRES: tuple = ("Reuters", "AFP", "AP", "Bloomberg", "dpa", "Xinhua", "Anadolu")

# ----------------------------------------------------------------------------- sentence templates
# Slots: {A} {A_adj} {A_cap} {A_lead} {A_short} (and B, C), {city} (a city of A), {org}, {lender},
# {grp}, numbers {k} {k2} {n} {n2} {n3} {N} {N2} {pct} {pct2} {pct_small} {bp} {oil} {temp} {wind}
# {hour} {hour2} {pop} {minute}, money {amt} {amt2}, time {day} {day_next} {weekday} {month} {pyear}
# {nyear} {deadline} {quarter}, and {person} {commodity} {disaster} {agency} {team1} {team2} {score}
# {tournament} {region}.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "diplomacy": (
        "{A_lead} arrived in {B_cap} {day} for a {k}-day visit, the first by a {A_adj} leader in {n} years.",
        "{B_lead} hosted {A_adj} counterpart {A_short} at the presidential palace, and the two held talks on trade and security.",
        "The foreign ministers of {A} and {B} met in {C_cap} {day} to prepare the ground for a summit later this year.",
        "{A} and {B} signed {k} agreements covering energy, transport and education, officials said.",
        "{A_short} said after the talks that relations with {B} were at their strongest in a decade.",
        "Officials in {B_cap} said the two sides had agreed to set up a joint commission on border trade.",
        "{A_lead} invited {B_short} to visit {A_cap} next year, according to a statement from the foreign ministry.",
        "{org} welcomed the outcome of the meeting and urged both governments to build on it.",
        "{A_adj} and {B_adj} negotiators will hold a further round of talks in {month}, a diplomat said.",
        "{B_lead} spoke by telephone with {A_short} {day} about the security situation in the region.",
        "{A} offered to mediate between {B} and {C}, whose relations have been strained for months.",
        "{C} has so far refused to send a delegation to the talks.",
        "The two leaders pledged to raise bilateral trade to {amt} a year by {nyear}.",
        "{A} will reopen its embassy in {B_cap} after a gap of {n} years, the foreign ministry said.",
        "Diplomats from {A}, {B} and {C} are expected to gather in {city} {day_next} for informal consultations.",
        "{A_short} praised {B} for its part in bringing the parties to the table.",
        "A joint statement issued after the summit called for closer cooperation on migration and climate change.",
        "{B_adj} state television showed the two leaders shaking hands in front of a row of flags.",
        "The visit comes weeks after {A} and {B} restored full diplomatic relations.",
        "{A}'s new ambassador to {B} presented credentials {day}, ending a vacancy that lasted {k2} months.",
        "Neither side gave details of what had been agreed on security matters.",
        "{A_adj} officials expressed hope that the summit would open the way to a wider settlement.",
        "The head of {org} is due to travel to {A_cap} next month.",
        "{B} accepted an offer from {A} to host the next round of negotiations.",
        "{A} and {B} agreed to resume direct flights between their capitals from {month}.",
        "Before leaving {B_cap}, {A_short} laid a wreath at a memorial to the victims of the {pyear} war.",
    ),
    "aid": (
        "{lender} approved a {amt} loan for {A} {day}, part of a programme worth {amt2} over {k} years.",
        "{B} pledged {amt} in humanitarian aid for {A} after {disaster}.",
        "The money will be paid out in tranches, the first of which is due before the end of {month}.",
        "{A}'s finance minister said the country needed about {amt} to close this year's budget gap.",
        "{B} agreed to lend {A} {amt} to help rebuild its foreign currency reserves.",
        "{org} appealed for {amt} to feed {N} people facing severe hunger in {A}.",
        "Aid agencies said only {pct}% of the money requested for {A} had arrived so far.",
        "{A} asked {B} and {C} for emergency credit to pay for fuel imports.",
        "A shipment of {N} tonnes of wheat donated by {B} reached the port of {city} {day}.",
        "{B} will provide {amt} in budget support {deadline}, its embassy said.",
        "The loan carries an interest rate of {pct_small}% and a grace period of {k} years.",
        "Under the deal, {A} has promised to cut its fiscal deficit to {pct_small}% of output by {nyear}.",
        "{B} said it would write off {amt} of {A}'s debt.",
        "{C} offered {amt} in grants for schools and clinics in {A}'s poorest provinces.",
        "{lender} suspended payments to {A} in {month}, citing slow progress on reforms.",
        "{A}'s central bank said the new funds would lift reserves to about {amt}.",
        "Donors meeting in {C_cap} promised a total of {amt} for reconstruction.",
        "{A_short} thanked {B} for what the {A_adj} leader called timely and generous support.",
        "{B} has not yet paid out the {amt} it promised last year, officials in {A_cap} said.",
        "{org} said {N} families had received cash transfers since the programme began.",
        "Critics in {A} said the conditions attached to the loan would fall hardest on the poor.",
    ),
    "sanctions": (
        "{B} imposed sanctions on {n} {A_adj} officials {day}, accusing them of undermining democracy.",
        "{B} froze the assets of {k} {A_adj} companies and banned their executives from travelling.",
        "{A} expelled {k} {B_adj} diplomats, giving them {k2} days to leave the country.",
        "{B} responded by ordering {k} {A_adj} embassy staff to leave {B_cap}.",
        "{A}'s foreign ministry summoned the {B_adj} ambassador to protest against the measures.",
        "{A_short} called the sanctions illegal and warned that {A} would respond in kind.",
        "{B} threatened to widen the restrictions if {A} did not change course within {k2} days.",
        "{A} rejected a demand from {B} to free {k} detained foreign nationals.",
        "{C} did not join the sanctions, saying it preferred dialogue.",
        "The new measures target {A}'s exports of {commodity}, worth about {amt} a year.",
        "{B}'s finance ministry added {n} individuals and {k} firms to its sanctions list.",
        "{A} accused {B} of waging economic war and of meddling in its internal affairs.",
        "An arms embargo on {A} has been in force since {pyear}.",
        "{B} said it had recalled its ambassador from {A_cap} for consultations.",
        "{A} banned imports of {commodity} from {B} in retaliation {day}.",
        "Officials in {B_cap} said the sanctions would stay until {A} freed political prisoners.",
        "{org} said it was examining whether the measures were lawful.",
        "{A} has denied all the accusations and says they are politically motivated.",
        "{C} declined to say whether it would follow {B}'s lead.",
        "{B} lifted a ban on {k} {A_adj} airlines after a review, a rare easing of pressure.",
        "Shares in {A_adj} state firms fell as much as {pct_small}% after the announcement.",
    ),
    "protest": (
        "Thousands of people marched through {city} {day} to demand the resignation of {A_lead}.",
        "Police fired tear gas and rubber bullets to disperse protesters outside the parliament building.",
        "At least {n} people were arrested, a police spokesman said.",
        "The interior ministry imposed a curfew from {hour} p.m. to {hour2} a.m. in {city} and {k} other cities.",
        "Opposition leaders called for a nationwide strike starting {day_next}.",
        "Protesters blocked the main highway between {city} and {A_cap} with burning tyres.",
        "{A_adj} authorities restricted access to social media platforms for a second day.",
        "Rights groups said security forces had killed {n} demonstrators since the unrest began.",
        "The government declared a state of emergency in {k} provinces.",
        "Students occupied the main campus of the national university, demanding lower fees.",
        "Crowds chanted slogans against the government and waved the national flag.",
        "Riot police detained {n} opposition activists in overnight raids, their lawyers said.",
        "{A_lead} blamed foreign agents for stirring up the unrest.",
        "{B} urged the {A_adj} government to respect the right to peaceful assembly.",
        "The opposition said it would hold fresh rallies every evening until its demands were met.",
        "Unions representing {N} workers joined the strike, shutting ports and factories.",
        "Shops and schools stayed closed in the centre of {city}.",
        "A court sentenced {k} protest leaders to {k} years in prison for organising mass riots.",
        "The government later lifted the curfew in the capital but kept it in place elsewhere.",
        "Hospital officials said {n2} people had been treated for injuries, including {k} police officers.",
        "The protests began in {month} over a sharp rise in fuel prices.",
        "Organisers put the size of the crowd at {N}, while police said about {N2} people took part.",
    ),
    "conflict": (
        "Fighters from {grp} attacked an army base near {city} {day}, killing {n} soldiers, the military said.",
        "Government aircraft bombed {grp} positions in the hills outside {city}.",
        "The army said it had killed {n2} militants in a counter-offensive.",
        "Artillery fire hit a market in {city}, killing {n} civilians and wounding {n2}, local officials said.",
        "{grp} said in a statement that they had seized {k} villages.",
        "A drone strike destroyed a weapons depot near the border with {B}.",
        "The warring sides agreed to a {k2}-day ceasefire brokered by {C}.",
        "The truce collapsed within hours as both sides accused each other of opening fire.",
        "{k} peacekeepers were wounded when their convoy hit a roadside bomb.",
        "{grp} denied carrying out the attack.",
        "{org} said {N} people had fled their homes since the fighting began in {month}.",
        "Troops backed by tanks pushed into the northern districts of {city} {day}.",
        "Residents described hearing heavy gunfire through the night.",
        "{A}'s defence ministry said its forces had shot down {k} drones launched from {B}.",
        "{B} denied any involvement and accused {A} of inventing a pretext for escalation.",
        "A car bomb exploded outside a police station in {city}, killing at least {n} people.",
        "Gunmen abducted {n} passengers from a bus on the road to {city}.",
        "The military said it had retaken the airport after a {k}-day battle.",
        "Commanders of {grp} said they would not lay down their weapons until government troops withdrew.",
        "{org} called on all parties to protect civilians and let aid convoys through.",
        "The army imposed a blockade on the rebel-held town, cutting off food and fuel.",
        "Local medics said most of the dead were women and children.",
        "Both sides have accused each other of war crimes, which they deny.",
        "{A} deployed {N} additional troops to the frontier region {day}.",
        "Mediators from {C} were trying to arrange an exchange of prisoners.",
        "It was the deadliest attack in the region since {pyear}.",
    ),
    "election": (
        "Voters in {A} will choose a new parliament in {month}, the electoral commission announced.",
        "Official results showed the ruling party winning {pct}% of the vote, ahead of the main opposition bloc.",
        "Turnout was {pct}%, according to the electoral commission.",
        "The opposition rejected the results and said it would challenge them in court.",
        "International observers said the vote had been largely peaceful but marred by irregularities.",
        "{A_lead} claimed victory shortly after midnight.",
        "Preliminary counts from {k} of the {n3} districts gave the incumbent a narrow lead.",
        "Campaigning ended {day} with rival rallies in {city} and {A_cap}.",
        "The electoral commission barred {k} candidates from running, citing problems with their paperwork.",
        "{org} sent a team of {n} observers to monitor the ballot.",
        "A run-off between the two leading candidates is scheduled for {month}.",
        "{B} congratulated {A_short} on the election result.",
        "Opposition supporters gathered outside the electoral commission to wait for the results.",
        "Polls point to a tight race, with neither main candidate above {pct}%.",
        "The new parliament is expected to meet for the first time within {k2} days.",
        "Several opposition figures remain in prison or in exile and could not stand.",
    ),
    "economy": (
        "The central bank raised its main interest rate by {bp} basis points to {pct}%.",
        "Annual inflation slowed to {pct}% in {month} from {pct2}% a month earlier.",
        "The {A_adj} currency fell {pct_small}% against the dollar, touching a record low.",
        "Shares in {A_cap} closed {pct_small}% higher, led by banks and energy companies.",
        "The economy grew {pct_small}% in the {quarter} quarter compared with a year earlier.",
        "Oil prices rose to ${oil} a barrel on concern about supplies from the region.",
        "Unemployment stood at {pct}% at the end of the year, the statistics office said.",
        "{A}'s trade deficit widened to {amt} as the cost of imports rose.",
        "The government plans to sell bonds worth {amt} on international markets.",
        "{agency} cut {A}'s credit rating by one notch, citing rising debt.",
        "Analysts expect growth to pick up to about {pct_small}% next year.",
        "Exports of {commodity} rose by {pct}% in the first half of the year.",
        "The finance ministry said the budget deficit would narrow to {pct_small}% of GDP.",
        "Fuel prices went up by {pct}% at the start of the month.",
        "Investors remain wary of the country's foreign debt, which stands at about {amt}.",
        "The stock exchange halted trading for {k2} minutes after a steep fall.",
        "A new container terminal in {city} is expected to handle {N} containers a year.",
    ),
    "sport": (
        "{team1} beat {team2} {score} in {city} {day} to go top of the table.",
        "The striker scored twice in the second half, the second from the penalty spot.",
        "{team2} had a player sent off after {minute} minutes.",
        "The coach said the squad had shown great character after a difficult week.",
        "Around {N} fans watched the match at the national stadium.",
        "The result leaves {team2} {k} points behind the leaders with {k2} games to play.",
        "In the final of the {tournament}, {team1} came from behind to win {score}.",
        "The city marathon was won in 2 hours {minute} minutes, a course record.",
        "Organisers said tickets for the semi-final had sold out within hours.",
        "The football federation fined the club for crowd trouble at the previous match.",
        "{A_adj} tennis player {person} reached the quarter-finals without dropping a set.",
        "The national team will travel to {C_cap} next week for a friendly.",
        "The cricket match was abandoned because of rain after {k2} overs.",
    ),
    "weather": (
        "Heavy rain caused flooding in parts of {city}, closing roads and schools.",
        "Forecasters warned of temperatures above {temp} degrees Celsius across the {region} this week.",
        "The weather service issued an orange alert for strong winds along the coast.",
        "Farmers said the dry spell had damaged much of the maize crop in the {region}.",
        "Snow blocked mountain passes north of {city}, stranding hundreds of lorries.",
        "Rescue teams lifted {n} people from rooftops after a river burst its banks.",
        "The rainy season arrived {k} days later than usual this year.",
        "A tropical storm is expected to make landfall late on {weekday}, with winds of up to {wind} km per hour.",
        "Water in the main reservoir has fallen to {pct}% of capacity.",
        "Local authorities opened {k} cooling centres for residents escaping the heat.",
        "Clear skies are expected to return by the weekend.",
    ),
    "background": (
        "{A} has been governed by the same party since {pyear}.",
        "The two countries fought a border war in {pyear} and have had tense relations ever since.",
        "{A_cap} has long been wary of {B}'s growing influence in the region.",
        "The region is home to about {N} people, many of them farmers and herders.",
        "{A} is one of the world's largest producers of {commodity}.",
        "Relations between {A} and {B} have improved since a change of government in {pyear}.",
        "The government did not respond to a request for comment.",
        "\"We will not accept pressure from anyone,\" a senior {A_adj} official told reporters.",
        "\"This is a very dangerous moment for the whole region,\" said {person}, an analyst in {C_cap}.",
        "The country of {pop} million people has been through years of political turmoil.",
        "Details of the agreement have not been made public.",
        "It was not immediately possible to verify the figures independently.",
        "The officials spoke on condition of anonymity because they were not authorised to brief the media.",
        "{org} has repeatedly called for restraint.",
        "Similar measures were tried in {pyear} with little success.",
        "The statement did not say when the talks would resume.",
        "{A}'s parliament is due to debate the issue next week.",
        "Local media reported that the meeting lasted more than {k} hours.",
    ),
}

TITLES: dict[str, tuple[str, ...]] = {
    "diplomacy": ("{A} and {B} sign deals as {A_short} visits {B_cap}", "{A_adj} leader holds talks in {B_cap}",
                  "{B} hosts {A} for talks on trade and security"),
    "aid": ("{lender} approves {amt} loan for {A}", "{B} pledges aid to {A} after {disaster_short}",
            "{A} seeks emergency funding as reserves dwindle"),
    "sanctions": ("{B} sanctions {A_adj} officials, {A} vows response", "{A} expels {B_adj} diplomats",
                  "New sanctions hit {A}'s {commodity} exports"),
    "protest": ("Protests spread in {A} as police make arrests", "Curfew imposed in {city} after unrest",
                "{A_adj} opposition calls national strike"),
    "conflict": ("{n} killed as fighting flares in {A}", "Ceasefire breaks down in {A}", "{grp} attack army base in {A}"),
    "election": ("{A} votes in tight election", "Opposition rejects {A} election results"),
    "economy": ("{A_adj} central bank raises rates", "{A}'s currency hits record low", "{A_adj} growth beats forecasts"),
    "sport": ("{team1} beat {team2} to go top", "{team1} win {tournament}"),
    "weather": ("Floods hit {city}", "Heatwave grips {A}", "Storm warning for {A}'s coast"),
}

_TOPIC_WEIGHTS: tuple = (("diplomacy", 16), ("aid", 12), ("sanctions", 12), ("protest", 14), ("conflict", 16),
                         ("election", 10), ("economy", 10), ("sport", 5), ("weather", 5))
_RELATED: dict[str, tuple[str, ...]] = {
    "diplomacy": ("aid", "sanctions", "economy"), "aid": ("economy", "diplomacy"),
    "sanctions": ("diplomacy", "economy", "protest"), "protest": ("election", "economy", "conflict"),
    "conflict": ("diplomacy", "aid", "protest"), "election": ("protest", "economy"),
    "economy": ("aid", "sanctions"), "sport": ("weather",), "weather": ("sport",),
}
_DEBRIS_SHARE = 0.15
# two short sentences are sometimes joined into one, so that sentence length varies as in real copy
_JOIN_SHARE = 0.55
_JOINERS: tuple = (", and ", "; ", ", while ", " - ", ", and ", "; ")
_LOWER_OK = frozenset((
    "The", "A", "An", "At", "It", "Its", "Neither", "Both", "Shops", "Residents", "Crowds", "Students",
    "Police", "Protesters", "Gunmen", "Troops", "Artillery", "Government", "Local", "Hospital", "Organisers",
    "Unions", "Rights", "Riot", "Aid", "Donors", "Critics", "Official", "Preliminary", "Campaigning",
    "Opposition", "Polls", "Several", "Analysts", "Exports", "Fuel", "Investors", "Annual", "Shares", "Oil",
    "Unemployment", "Around", "Heavy", "Forecasters", "Farmers", "Snow", "Rescue", "Water", "Clear",
    "Similar", "Details", "Relations", "Mediators", "Commanders", "Fighters", "Diplomats", "Before", "Under",
    "Voters", "Turnout", "International", "Officials", "Organisers", "In", "Around",
))
_START = _dt.date(2000, 1, 1)
_SPAN_DAYS = (_dt.date(2025, 6, 30) - _START).days
_COUNTRY_BY_NAME = {c[0]: c for c in COUNTRIES}


def _money(rng: random.Random) -> str:
    unit = rng.choice(("$m", "$bn", "$bn", "eur_m", "eur_bn", "gbp_m", "yen", "yuan", "rupees", "riyals"))
    whole = rng.randint(1, 950)
    tenth = rng.choice((rng.randint(1, 40), rng.randint(11, 99) / 10))
    if unit == "$m":
        return f"${whole} million"
    if unit == "$bn":
        return f"${tenth:g} billion"
    if unit == "eur_m":
        return rng.choice((f"{whole} million euros", f"€{whole} million"))
    if unit == "eur_bn":
        return rng.choice((f"{tenth:g} billion euros", f"€{tenth:g} billion"))
    if unit == "gbp_m":
        return rng.choice((f"£{whole} million", f"{whole} million pounds"))
    return f"{rng.randint(2, 900)} billion {unit}"


def _thousands(rng: random.Random, low: int, high: int) -> str:
    return f"{rng.randint(low, high) // 100 * 100:,}"


class _Slots(dict):
    """Slot values for one sentence: document-level actors, fresh random numbers on demand."""

    def __init__(self, doc: dict, rng: random.Random) -> None:
        super().__init__(doc)
        self._rng = rng

    def __missing__(self, key: str) -> str:
        rng = self._rng
        if key == "city":
            value = rng.choice((self["A_cap"],) + self["_A_cities"])
        elif key == "day":
            value = rng.choice(("on ", "on ", "on ", "late on ", "early on ")) + self["_weekdays"][rng.randint(0, 6)]
        elif key == "day_next":
            value = "on " + rng.choice(WEEKDAYS)
        elif key == "weekday":
            value = rng.choice(WEEKDAYS)
        elif key == "month":
            value = rng.choice(MONTHS)
        elif key == "pyear":
            value = str(rng.randint(1960, self["_year"] - 1))
        elif key == "nyear":
            value = str(self["_year"] + rng.randint(1, 5))
        elif key == "deadline":
            value = rng.choice((f"by the end of {self['_year'] + 1}", "before the end of the year",
                                f"by the end of {rng.choice(MONTHS)}", f"within {rng.randint(2, 18)} months",
                                "before the end of next year"))
        elif key == "quarter":
            value = rng.choice(("first", "second", "third", "fourth"))
        elif key in ("amt", "amt2"):
            value = _money(rng)
        elif key == "k":
            value = str(rng.randint(2, 9))
        elif key == "k2":
            value = str(rng.randint(3, 30))
        elif key == "n":
            value = str(rng.randint(2, 90))
        elif key == "n2":
            value = str(rng.randint(3, 160))
        elif key == "n3":
            value = str(rng.randint(20, 300))
        elif key in ("N", "N2"):
            value = _thousands(rng, 1000, 95000)
        elif key in ("pct", "pct2"):
            value = rng.choice((str(rng.randint(2, 75)), f"{rng.uniform(1, 75):.1f}"))
        elif key == "pct_small":
            value = f"{rng.uniform(0.1, 4.9):.1f}"
        elif key == "bp":
            value = str(rng.choice((25, 50, 75, 100, 150, 200, 300)))
        elif key == "oil":
            value = f"{rng.uniform(38, 125):.2f}"
        elif key == "temp":
            value = str(rng.randint(35, 49))
        elif key == "wind":
            value = str(rng.randint(9, 22) * 10)
        elif key == "hour":
            value = str(rng.randint(6, 10))
        elif key == "hour2":
            value = str(rng.randint(4, 7))
        elif key == "pop":
            value = str(rng.randint(2, 220))
        elif key == "minute":
            value = str(rng.randint(5, 89))
        elif key == "score":
            a, b = rng.randint(1, 5), rng.randint(0, 3)
            value = f"{max(a, b)}-{min(a, b) if a != b else max(0, b - 1)}"
        elif key == "person":
            value = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        elif key == "commodity":
            value = rng.choice(COMMODITIES)
        elif key == "disaster":
            value = rng.choice(DISASTERS).format(N=_thousands(rng, 1000, 90000), k2=rng.randint(10, 60))
        elif key == "disaster_short":
            value = rng.choice(("floods", "earthquake", "drought", "cyclone", "landslides"))
        elif key == "agency":
            value = rng.choice(RATING_AGENCIES)
        elif key == "tournament":
            value = rng.choice(TOURNAMENTS)
        elif key == "region":
            value = rng.choice(REGIONS)
        else:
            raise KeyError(key)
        self[key] = value
        return value


def _actor_slots(prefix: str, country: tuple, rng: random.Random) -> dict:
    name, adj, capital, _cities, leaders = country
    title, full, short = rng.choice(leaders)
    lead = rng.choice((f"{title} {full}", f"{adj} {title} {full}")) if title[0].isupper() else f"{adj} {title} {full}"
    return {prefix: name, f"{prefix}_adj": adj, f"{prefix}_cap": capital, f"{prefix}_lead": lead, f"{prefix}_short": short}


def _sentence(template: str, slots: _Slots) -> str:
    text = template.format_map(slots)
    text = text.replace("States's", "States'").replace("Philippines's", "Philippines'").replace(
        "Emirates's", "Emirates'")
    first = 1 if text.startswith('"') else 0
    return text[:first] + text[first].upper() + text[first + 1:]


def _joinable(first: str, second: str) -> bool:
    return first.endswith(".") and not first.startswith('"') and not second.startswith('"') and len(first.split()) < 22


def _lower_first(sentence: str) -> str:
    head, _, rest = sentence.partition(" ")
    return (head.lower() if head in _LOWER_OK else head) + " " + rest


def _document(i: int, seed: int) -> dict:
    rng = random.Random(f"tidings-bench:{seed}:{i}")
    date = _START + _dt.timedelta(days=rng.randrange(_SPAN_DAYS))
    topic = rng.choices([t for t, _ in _TOPIC_WEIGHTS], weights=[w for _, w in _TOPIC_WEIGHTS])[0]

    group, group_home = rng.choice(ARMED_GROUPS)
    if topic == "conflict":
        a = _COUNTRY_BY_NAME[group_home]
        others = [c for c in COUNTRIES if c is not a]
        b, c = rng.sample(others, 2)
    else:
        a, b, c = rng.sample(COUNTRIES, 3)
    team1, team2 = rng.sample(TEAMS, 2)
    doc_slots = {
        **_actor_slots("A", a, rng), **_actor_slots("B", b, rng), **_actor_slots("C", c, rng),
        "_A_cities": a[3], "_year": date.year,
        # weekday names of the seven days up to and including the publication date
        "_weekdays": tuple(WEEKDAYS[(date - _dt.timedelta(days=d)).weekday()] for d in range(7)),
        "org": rng.choice(ORGANISATIONS), "lender": rng.choice(LENDERS), "grp": group,
        "team1": team1, "team2": team2,
    }

    pools = {name: list(templates) for name, templates in TEMPLATES.items()}
    for pool in pools.values():
        rng.shuffle(pool)
    related = _RELATED[topic]
    filler = topic in ("sport", "weather")
    target_words = rng.randint(420, 560)

    sentences: list[str] = []
    words = 0
    merged_last = True
    while words < target_words:
        roll = rng.random()
        if not sentences:
            source = topic
        elif filler:
            source = topic if roll < 0.8 else related[0]
        elif roll < 0.68:
            source = topic
        elif roll < 0.86:
            source = rng.choice(related)
        else:
            source = "background"
        if not pools[source]:
            source = next((s for s in (topic, *related, "background") if pools[s]), None)
            if source is None:
                break
        sentence = _sentence(pools[source].pop(), _Slots(doc_slots, rng))
        words += len(sentence.split())
        if sentences and merged_last is False and rng.random() < _JOIN_SHARE and _joinable(sentences[-1], sentence):
            sentences[-1] = sentences[-1][:-1] + rng.choice(_JOINERS) + _lower_first(sentence)
            merged_last = True
        else:
            sentences.append(sentence)
            merged_last = False

    paragraphs: list[str] = []
    pos = 0
    size = rng.choice((1, 2))
    while pos < len(sentences):
        paragraphs.append(" ".join(sentences[pos:pos + size]))
        pos += size
        size = rng.choice((1, 2, 2, 3, 3, 4))

    if rng.random() < 0.3:
        wire = rng.choice(WIRES)
        paragraphs[0] = f"{a[2].upper()} ({wire}) - {paragraphs[0]}"
    title = _sentence(rng.choice(TITLES[topic]), _Slots(doc_slots, rng))
    lines = [title, ""]

    if rng.random() < _DEBRIS_SHARE:
        paragraphs = _with_debris(paragraphs, rng)
    lines.append("\n\n".join(paragraphs))
    return {"id": f"bench-{i + 1:06d}", "date": date.isoformat(), "text": "\n".join(lines)}


def _with_debris(paragraphs: list[str], rng: random.Random) -> list[str]:
    """Scraped-page clutter: ad markers, publisher and credit lines, share labels, footer link."""
    out = list(paragraphs)
    kinds = rng.sample(("ad", "via", "share", "credit", "source"), rng.randint(2, 5))
    if "via" in kinds:
        out.insert(1, rng.choice(("via Reuters", "via AFP", "goes through Bloomberg", "Source: AP")))
    if "share" in kinds:
        out.insert(rng.randint(1, len(out)), "Share this article")
    if "credit" in kinds:
        out.append(f"Reporting by {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}; "
                   f"Editing by {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}")
    if "ad" in kinds:
        out.insert(0, "[ad_1]")
        out.append("[ad_2]")
    if "source" in kinds:
        out.append("Source link")
    return out


def generate(n: int, seed: int = 7) -> Iterator[dict]:
    """Yield ``n`` synthetic news documents ``{"id", "date", "text"}``, reproducible from ``seed``."""
    for i in range(n):
        yield _document(i, seed)
