"""Article pages written for the source tests (fictional reporting, written for these tests)."""

from __future__ import annotations

ARTICLES = {
    "ports": (
        "Chile and Peru sign port agreement",
        "2024-03-04",
        ["Chile and Peru signed an agreement on Monday to share the management of two Pacific ports, "
         "officials in Santiago said after a day of talks between the two foreign ministers.",
         "The Chilean foreign minister said the deal would cut customs delays for trucks crossing the "
         "border at Arica, and Peru promised to upgrade the rail line that serves the harbour.",
         "Business groups in Lima welcomed the accord, which the two governments had negotiated for "
         "more than a year, and said they expected trade between the neighbours to grow."],
    ),
    "protest": (
        "Police detain protesters in Nairobi",
        "2024-03-06",
        ["Kenyan police arrested dozens of protesters in Nairobi on Wednesday after demonstrators "
         "marched on parliament to oppose a proposed increase in fuel taxes.",
         "Witnesses said officers fired tear gas at the crowd near the city centre, and opposition "
         "leaders accused the government of using force against peaceful marchers.",
         "The interior ministry said the protest had not been authorised and that the detained "
         "demonstrators would appear in court later in the week."],
    ),
    "aid": (
        "Japan pledges flood aid to Bangladesh",
        "2024-03-09",
        ["Japan pledged 20 million dollars in emergency aid to Bangladesh on Saturday after floods "
         "drove thousands of families from their homes in the north of the country.",
         "The Japanese ambassador in Dhaka said the money would pay for food, clean water and "
         "temporary shelters, and that a team of medical workers would arrive within days.",
         "The Bangladeshi government thanked Tokyo for the support and said it would ask other donors "
         "to help rebuild roads and bridges washed away by the water."],
    ),
    "talks": (
        "Armenia and Azerbaijan resume border talks",
        "2024-03-12",
        ["Armenia and Azerbaijan resumed talks on Tuesday on marking their shared border, the two "
         "governments said in a joint statement released in Yerevan and Baku.",
         "The foreign ministers met for five hours and agreed to hold another round next month, "
         "according to the statement, which gave no details of the maps under discussion.",
         "Diplomats from the European Union welcomed the meeting and urged both sides to keep working "
         "towards a peace treaty that would end decades of conflict."],
    ),
}

FRENCH = ("<html><head><title>Sommet</title></head><body><article><h1>Sommet à Paris</h1>"
          "<p>Le président de la République a reçu mardi les dirigeants des pays voisins pour un sommet "
          "consacré à la sécurité des frontières et à la coopération économique dans la région.</p>"
          "<p>Les discussions ont duré toute la journée et les participants se sont engagés à se revoir "
          "avant la fin de l'année pour faire le point sur les projets communs.</p></article></body></html>")


def article_html(key: str, *, with_date: bool = True) -> str:
    title, date, paragraphs = ARTICLES[key]
    meta = f'<meta property="article:published_time" content="{date}T08:00:00Z">' if with_date else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>{meta}</head>"
            f"<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>{title}</h1>{body}"
            f"</article><footer>All rights reserved.</footer></body></html>")
