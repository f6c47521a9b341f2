"""Check-yourself questions of the lesson 01_sequences.ipynb (not graded).

Written by tools/quiz_sources/lessons/sequences.py, which keeps the clear text: edit that and run it.
"""
from ...quiz import QuizQuestion

LESSON = '01_sequences.ipynb'

QUESTIONS = {
    'seq_essence': QuizQuestion(**{'grade_id': 'seq_essence',
         'notebook': '01_sequences.ipynb',
         'kind': 'choice',
         'points': 0,
         'prompt': 'Which option captures what a sequence has and a set of IID examples lacks?',
         'options': {'a': 'its elements are fed to the network one by one, not all together',
                     'b': 'its elements can be reordered without changing it',
                     'c': 'its elements depend on each other, and their order matters',
                     'd': 'it has more elements than an IID dataset'},
         'salt': 'd4bd7bbda4082750',
         'right': 'd717535e2b647604070f2081d06ad906500dd1a73efafd324a41d9dbe93b5bac',
         'explanation': '5e7a020d1c4bf886c31915ca8ef440ec13181c90346d00fd771beaf603c0c96136d66253fbc2f6d0d485b315de9f23cf99e1ead893044367b34d757cd2c86033be2cb39f3c95de9014b2677a9fa970f2b053d516e5f77b1b5f1b0d922c806f6cb94418bbfc34a632ff4e6e5fa641ecccbe70e2fa7b0589cee3ce742dadea34fa0f4ad788d727a5a5f64d3a30141152e413da6af18b48cd7c7b1b2e2d501acc3d0ae683',
         'feedback': {'7d4c0b45fba0f921f3b00f000b90e94189c950a9046f4112814db7e25e2463fa': 'ccad7b0575eaff32cc985e31bf0e902177f3878eef01d887dec40f3428b243c1c6cd80afd0b9ff7e3355593237818f50f0592d55a3e13894b506fe6a961b94712fbe4875eafa856dfd2ed630cdf5de678ce4c400a741c1f73e605ec48d3e0504e93c20ea2f20b83a8d6ebc0dff2e1c329a28cb13d8c1188ed3d55daed108565e955a6a7f6cafe58a1d5c3b642bedc755055382adddf47b6ad471188ba4b1b4ee7f5d91965d67c3218d8fd77908',
                      '071aa713fcbd46330ba731b02c8e4530eec92dd990ab2d6861665deba7f44a5a': 'fcce4b3159f28fd3e67388b08632ae3768053cf343d3da07477c139fb6ab096955e86ecfb702c9d5add6782d3353f28d99dc0edb0601948fa799cb2740f534cf0fecb7fffa97a2e58d3b57714edda811f75b9061974e132222521a82581fb4f3ca7243475704c18f90ecf7e18ed0c1ece71c7e09b55f8b75e82c',
                      '1d300518de6c73e323135bd98b31c733c6974f56ae6149b6c85a10e2a31262dc': 'd85f16cd5dced3c242b24d427dfd4d2c84ec48aa058545e65aca6080833e366101399f09f06e8f8f15647c90cd60ed101ec47c724c93b187781505eb042949c193ead62513f7bf542c40865c29876aef2765c8f23cdc43c639237bfa76c1f397c210f9304ea53a9c69c18929b5e780435f700e7b11'},
         'tolerance': 0.0}),
    'seq_what_to_shuffle': QuizQuestion(**{'grade_id': 'seq_what_to_shuffle',
         'notebook': '01_sequences.ipynb',
         'kind': 'choice',
         'points': 0,
         'prompt': 'A dataset holds 5,000 daily temperature series, one per weather station, each a year long. What '
                   'may a training loop shuffle?',
         'options': {'a': "the order of the stations' series",
                     'b': 'the order of the days within each series',
                     'c': 'both',
                     'd': 'neither'},
         'salt': 'b76708ede5b42733',
         'right': '4e6d103b48dc1de093fa0a5f8be6028bcc1adf3fff798c31100775f45fabb10c',
         'explanation': 'ef2159d43e30e134aab2605d15e8e7e6c5ee766b556f493830859df5e17cc3d99e36c2e428d33536ca02267dfb783cedcfb48a6724c6f5a54b1ceb832ec766b4b3016bc28760ac18c7c4b882ff11e4beda774ac6558e8951d432830e5e679d77b35d106bec3a67fa2736ddb014108d99dd633a73b5620e6bb302e31590b7d13dc8313926052b8d7acd7414d85ee6e582fa32e9971ea7c2c36dca0b74fc767cdeb9993a2e4115cf46f670ec3e7d24033f45412eca7e8a64a099c30970b5c5bac83e916239e900c1b3e1430f9b76ebb8fe100101b45a',
         'feedback': {'e13b3eeac179df71d02be7317f8fb0d51c8fb88cd194fc3fbc61e4c57c381c66': '75036a6fde9a1a56d17ce0032d1b1b9d698746be3ac45a4110f7d1e0b4b7ff6dc208c3fc735b16a952951602a8b37dbf884e133d9b0f10b99d323e0fa76c429d76a314ff064fc6f0d4639bb43be1d0cf95bf47d193015aa1baac24af4077ff531f9a3a8d6e83803dcac465063f443561343a08044be5b24798600e3603b0b454f5b6ac28a229682e6efe62d710e5596283965f532b5a',
                      'e9fbac07092b9b7a54b62d5ce0eb678c02315ea85a9ea4ef783ecf3129ec0ea5': '582cb3a71b7fe4f17ab1eba6a84c34ebca7935869fc39a0ccae2e709077d753f06f3efb4a18e58d833c9ea69c1154ecdcdd2bf52f9a5f3650f392349d6132f2fde51a68d241c6202b333c9d0ef4cbe697ae1acdaa18c44',
                      '936311279e17402a1bd87461e8a937a2077ded9551fdc7b182d8df55b941a3a3': '4f7bb26de1acc522b6c704ef28f63729f2c557ee9f374c80a9aa786c989304954fe649f90f27b40f00113d131ec01de99dba9722287d7a3e78819f8fdb7e3f89563fff2fa29ff20c5fdffff45240b81ba8be33c1c5bc3d53168f947dca86dbb031e2b7cc48b72049c5cad8d064ee7d9b4a8857c7f18c4131'},
         'tolerance': 0.0}),
    'seq_shuffled_words': QuizQuestion(**{'grade_id': 'seq_shuffled_words',
         'notebook': '01_sequences.ipynb',
         'kind': 'choice',
         'points': 0,
         'prompt': "The lesson's GRU, trained on sentences in their right order, reads test sentences whose words "
                   'were shuffled. What happened to its accuracy, and what does that show?',
         'options': {'a': 'it stayed the same: the same words are in each sentence',
                     'b': 'it fell to about chance: the GRU relies on the order of the words',
                     'c': 'it fell, because shuffled sentences are harder for any model',
                     'd': 'it rose, because shuffling is a form of data augmentation'},
         'salt': 'f041a5d4154c2854',
         'right': 'e0b5ef5eb0771d6fd83bd4fa1f737502b997a2bb15fdcb59e82f8f3c4a446459',
         'explanation': '927c5de8512b5bc0e3ee21114a4ffb490e08552e7b87573361de98703df3142c5888a510bc0aa715fda1c6408eb7948bb49516ed1991261da91a9d3638441f8c91caa905d6f325ddb3e664847dd824f7f2b63a0677001c2b21afd953a521a1152bdaca4ce92265f4c65cd386e32808ce71769816562f479c2b838cbe2ac0820cde69d03e3555f8cb90e2cb9120b30dc73acdd1a5ec574c4c1c816ce6fa802c7bec607117490b2581e9eb8a450d494e',
         'feedback': {'60ff5b29c69021e03eccdafc3d34e22088c2953a38ff6834fe793b42e96d3986': '79536538a7d32140d341c4a3d2aab67b4b1a06ce5a28ff98f84cb8b929665da5109789e5277c146b515a0921c8b4e507a37cc2698a1d13593674495fd708b19cd0ea5d90ce6c8e17e3cb4686abd4e766f98fd2fad69567509d6d9356ac7b4c3b2f559c9bf3e62e294cc49c6e69f15d7eb3f8d796836bd8a4c2dadf8780cae6a127a4032b',
                      'c2b0ee48792c37b865c4bb3522afecdf2f6e8a6d2e49dfa8220ee0b1fa3d2c3b': '511ffed39ee7af72baef7db3b682b3e99fa3e77a3fe9a5f5f9d049a99c4e817ab76f6d483cd2ff4947c7b33eb7744014fab7ff7fdef8cff1b063209b08fa203b57e531aaceb7f5cd276f9fd216f29c67eaad3d47946e9f1187d23ffae74d089acc5bce97d565d27d45a4bf31f0d3e80949f4386699f9a62680893a13dc918a6f7b0af0cf8601f00afb99d2643fc2c08db4f3f241ff7b76da9c8da2792d99a052',
                      '5d5d9550bd6ddfa3857b944cd7047c5b200db78c8833cb8ada847ee8ad9bf1cd': '53faed8c2441cf9827f6dc940d3ccf77fcdeb7b26c1893a533f98fc893650722ddc724dee8fd60177e5583f9349186affe6759c2e4f08f763eaf72330647b9292a6d6b227a8b838cc108d2b535fcc75f280efd5c7f8d383ad914dfa9cde1853f48cd03d4581e3f8bda395438d1be0226452e250363889a39e560fe1ba7e17236fb'},
         'tolerance': 0.0}),
}
