"""Check yourself, lesson 01: sequences and IID data (clear text; tools/quiz_sources/build.py seals it)."""

from question import Question

LESSON = "01_sequences.ipynb"
QUESTIONS = [
    Question(
        "seq_essence",
        "choice",
        "Which option captures what a sequence has and a set of IID examples lacks?",
        "c",
        "The elements of a sequence depend on each other, and their order is part of the meaning: that is "
        "what a sequence model has to exploit, and what shuffling destroys.",
        {
            "a": "Being fed one element at a time is how a recurrent network reads a sequence, not what "
            "makes it one: "
            "the letters of a shuffled word can be fed one by one too, and carry less.",
            "b": "The opposite: reordering the elements of a sequence changes it ('dog bites man'). Elements "
            "you can "
            "reorder freely are IID.",
            "d": "Length has nothing to do with it: a 3-word sentence is a sequence, a table of a million "
            "independent "
            "customers is not.",
        },
        options={
            "a": "its elements are fed to the network one by one, not all together",
            "b": "its elements can be reordered without changing it",
            "c": "its elements depend on each other, and their order matters",
            "d": "it has more elements than an IID dataset",
        },
    ),
    Question(
        "seq_what_to_shuffle",
        "choice",
        "A dataset holds 5,000 daily temperature series, one per weather station, each a year long. What may "
        "a training loop shuffle?",
        "a",
        "The stations are the examples: one station's year says nothing about the order of another's, so "
        "they "
        "are treated as IID and shuffled into batches. The days within one series are not IID; their order "
        "is the signal.",
        {
            "b": "Shuffling the days of a series destroys the seasons and the day-to-day dependence a model "
            "should "
            "learn; the days are the entities within one sequence.",
            "c": "Only the series may be shuffled; within each, the order of the days is the information.",
            "d": "The series can be shuffled: the sequences of a dataset are treated as IID, even though the "
            "entities "
            "within each are not.",
        },
        options={
            "a": "the order of the stations' series",
            "b": "the order of the days within each series",
            "c": "both",
            "d": "neither",
        },
    ),
    Question(
        "seq_shuffled_words",
        "choice",
        "The lesson's GRU, trained on sentences in their right order, reads test sentences whose words were "
        "shuffled. What happened to its accuracy, and what does that show?",
        "b",
        "It fell to about chance: the GRU had learnt to use the order of the words, so without it it had "
        "nothing left to go on. A bag-of-words model would not have noticed the shuffle.",
        {
            "a": "It did change: the GRU reads the words in order and its state depends on that order, so "
            "shuffled "
            "sentences give it different states.",
            "c": "Shuffled sentences are not harder for every model: a bag-of-words model gives exactly the "
            "same "
            "output for any order. The drop shows that the GRU uses the order.",
            "d": "A model trained on ordered sentences cannot learn anything from test data; the drop comes "
            "from "
            "the order it relied on being gone.",
        },
        options={
            "a": "it stayed the same: the same words are in each sentence",
            "b": "it fell to about chance: the GRU relies on the order of the words",
            "c": "it fell, because shuffled sentences are harder for any model",
            "d": "it rose, because shuffling is a form of data augmentation",
        },
    ),
]
