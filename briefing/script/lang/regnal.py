"""Names that take a regnal number ("Louis XIV", "Felipe VI", "Benedikt XVI."), in the
languages here; a feminine name takes a feminine ordinal ("Isabel segunda")."""

from __future__ import annotations

from briefing.script.lang.tables import word_set

REGNAL_NAMES = word_set(
    """Louis Luis Luigi Luís Ludwig Lodewijk Charles Carlos Karl Carlo Carl Felipe Philippe Filippo
    Filipe Philipp Juan Jean Johannes Giovanni João Johann Pablo Paul Paolo Paulo Benedicto
    Benoît Benedikt Benedetto Bento Benedict Pío Pie Pius Pio León Léon Leo Leone Leão Gregorio
    Grégoire Gregor Gregório Gregory Enrique Henri Heinrich Enrico Henrique Henry Alfonso Afonso
    Alphonse Fernando Ferdinand Ferdinando Francisco François Franz Francesco Francis Napoléon
    Napoleon Napoleone Guillermo Guillaume Wilhelm Guglielmo William Pedro Pierre Peter Pietro
    Manuel Umberto Emanuele Federico Frédéric Friedrich Frederico Frederik Jorge George Georges
    Georg Giorgio Eduardo Édouard Eduard Edoardo Edward Ricardo Richard Riccardo Jaime Jacques
    Jakob Giacomo James Alejandro Alexandre Alexander Alessandro Nicolás Nicolas Nikolaus Niccolò
    Nicola Inocencio Innocent Innozenz Innocenzo Clemente Clément Clemens Sixto Sixte Sixtus
    Sisto Urbano Urbain Urban Bonifacio Boniface Bonifatius Martín Martin Martino Sancho Ramiro
    Jaume Alberto Albert Rainier Ranieri Harald Olav Haakon Gustavo Gustave Gustav Gustaf
    Baudouin Balduino Leopoldo Léopold Leopold Constantino Constantin Konstantin Costantino Iván
    Ivan Otto Otón Othon Ottone Rodolfo Rudolf Rodolphe Amadeo Amédée Mohammed Mohamed Abdullah
    Abdallah Hussein Ramsés Ramsès Ramses Rama Akihito Naruhito Willem Vittorio Sebastião Dinis
    Duarte Clovis Childéric Pépin Lothaire Isabel Elisabeth Élisabeth Elizabeth Elisabetta
    Isabella Isabelle Margarita Margrethe Margherita Marguerite Catalina Catherine Katharina
    Caterina Catarina Cristina Christine Christina Maria María Marie Victoria Victoire Viktoria
    Vittoria Vitória Ana Anne Anna Juana Jeanne Giovanna Joana Beatriz Beatrix Beatrice Leonor
    Carlota Charlotte Guillermina Wilhelmina Juliana Cleopatra Cléopâtre Kleopatra"""
)
FEMININE_NAMES = word_set(
    """Isabel Elisabeth Élisabeth Elizabeth Elisabetta Isabella Isabelle Margarita Margrethe
    Margherita Marguerite Catalina Catherine Katharina Caterina Catarina Cristina Christine
    Christina Maria María Marie Victoria Victoire Viktoria Vittoria Vitória Ana Anne Anna Juana
    Jeanne Giovanna Joana Beatriz Beatrix Beatrice Leonor Carlota Charlotte Guillermina
    Wilhelmina Juliana Cleopatra Cléopâtre Kleopatra"""
)
