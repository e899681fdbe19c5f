"""Places on the map: an offline gazetteer (`gazetteer`), the choice between places of one name
by an article's evidence (`resolve`), and the countries a story is about (`about`). Pure code:
the extract stage (`dateline.extract.places`) applies it to articles."""
