"""Check-yourself questions of the lesson 03_unfolding.ipynb (not graded).

Written by tools/quiz_sources/lessons/unfolding.py, which keeps the clear text: edit that and run it.
"""
from ...quiz import QuizQuestion

LESSON = '03_unfolding.ipynb'

QUESTIONS = {
    'unfold_mnop': QuizQuestion(**{'grade_id': 'unfold_mnop',
         'notebook': '03_unfolding.ipynb',
         'kind': 'multiple',
         'points': 0,
         'prompt': 'In a_{t+1}^l = f(W_m a_{t+1}^n + W_o a_t^p + b^l), the letters m, n, o and p stand for the '
                   "indices of a stacked RNN's equation. Which of these are right? (Select every right one.)",
         'options': {'a': 'm = F', 'b': 'n = l - 1', 'c': 'n = l', 'd': 'o = R', 'e': 'p = l', 'f': 'p = l - 1'},
         'salt': 'dacfc6861e1b9e4f',
         'right': '3fe5d06b476c36aa38adcc3520637adb08d467266691e9540bd3d9850b6b0f59',
         'explanation': '90d0189ee6e1bbcae245835eff5f203f906766a0ac517cb4c9e75178a08e219cd08d253eca1e7440e3fc04ba65eb3a5bb76c4aac11e03105afa19e3c957478e0fb8bb751ce35a41825570d2848b9b918aa06a3527247d361cdd8712a809d37e877c7bf88d0f111e999ba81201032fb1fa45833bdef4cf3837849b4b363712e2a3655aa3c0c38e8e9e4d7cee2d88e1fa2ee2e573f4d1db69f0c817653ca0464a8fbe73c8bb7ad6fbea9053d095f0c649abdd77c8ada16324e2f00f1118aa109048dee5c9669bffb82f4f2133fd585',
         'feedback': {'fd918d9e6195c9cff74ef2a02cb49741f67bf504d76162266c30e980f5604250': '399ac66ec55e7f8d05cb99c229e0cc10fb4d53558595adb00649bb447a1a29edb8b6c4c886f9aa0a026d8a00c7b2290c606d549c0b5a94c6e111968f2f631aa4de62c7925f2956081f248f3f1499da432d1377cf57eb4dd6e99812ab11d93610c77fab718ac209caa7c8af287f8659e295a79b621697df02d47f9c0a769b49a22b',
                      '1e90de154213b6d38095048b1e1e4e5ce9eb066495de7930f16a20ef95a523e1': '9ff69244180093385134cfdd9547e11c83584b8c74cff7b2dbf82c9c41756f8ea568850eb276d89d78b79b98f6d2b00e0d1630667fddc2c94d23f2e149a0acc569783957a565c6e846748829650e3702b2d141ae773bcd28bd651d2a05c9e2fdc2179fdb40a75eb23fe156ad335c7e27a7327dfde112c10fb549800194f0c2b67c2b0ab5df9e0432af',
                      '4d61057e83f9d5ec7faea777b5ab91d48a772755c77fafb9e29fb50c2bab5d53': '4f66c7542238276635dd6f53637344a78dc0023c6ca583d73b3fe285317ba303425619cece6da9ef85f0155969ff3c027ca8d2b61ab5cfc2efe5d4c14492a37b401b479cbb2b36a4b00b70334de57812041519c269c74f8a9ef4a6e5a866ad2c20543bf96ce45fe0b0d4262066950323c0897cbdc9169f4643e9e3d5860f2c7bb65cf9e94beef19ad9dd3ac3ef',
                      'dc1c798a9087d39fe6d43cce28cd50f379ad66da3df7d35d4ad675479f6a0172': 'bbe5a74bc703cbd91cf2abfb4a7910270dec27203f98f7a1d9cc3aa5052f8eba5093700b69265938f4d20bbfd47d72e27a1b1545d6bc4c219771650e8b4172ff3ae55507446640840b8a3ff7c6a1554a027fae1bde7ae4a88cda6fc32dd36089f9402794cad45001',
                      'eb0cc7f8e7ea77146f66fcf292ec3ded178000c1a2f9c2a57f666b3de00b22d5': '896d84d26896fd446fbb54aef980f4468850d034b68b75fc17de0fad6464a50da2102f9fa6a87cb2eb68199cdb99ddab9124115d991bcd81d02c8d4c02c87102e983b093b3'},
         'tolerance': 0.0}),
    'unfold_same_weights': QuizQuestion(**{'grade_id': 'unfold_same_weights',
         'notebook': '03_unfolding.ipynb',
         'kind': 'choice',
         'points': 0,
         'prompt': 'One recurrent layer (D = 3, H = 7) reads a sequence of 5 steps and then one of 50. Unfolded, the '
                   'second graph has ten times as many copies of the step. What happens to the number of parameters?',
         'options': {'a': 'it stays the same',
                     'b': 'it is ten times larger',
                     'c': 'it grows, but less than tenfold',
                     'd': 'it depends on the batch size'},
         'salt': '8c82579a775e645b',
         'right': '324766e0c18d35262ab54c0bc9c4a15ea3dd172e22f033103832d3a0fbd3fa68',
         'explanation': '604f1db37bdbffc89a63a5beb2db96efe955614f09a2de3da362ba21b64aa6720992518d5bfdd3e34857a7e2d482e8b2d94c2ec9808e0698f74fa6388e8537e7adc6f4ab5c1bb96de89ed81cf41d42f62ada92a03b9ba26be99f5b1386eb9084d15b18c5f5697ebbcfbbc960b3f37b63cf1c253998d39177800f1785e42391d2c952b5f5ab8e85ca14492cdb076511165688b534fe6e3efb5b156ba7da09b59a0377892b0e751869292a44db05fe51bdd8b3',
         'feedback': {'8d19bae3244fb3eaeefe00fcc9f7daa5bb088f146d3c16335b3881e4a175263d': '7ee8c23c8dd7b39169ebf96c1de95304c437c9b3693f9b7b783379eea92a65f73e0dfa83b2578f8c2fa7b80ea41eeaa24105dc400c4c7c598c9281082c195f4c292ebf97b8719ebc245a831c35224609d492741a4d9332d1fbc968',
                      '6564b3c04246e72e59a1f19812951a76886108b003569c85e9350b3c5ec7560e': '67f3d1e0a94fcf754526e01e27d496a091d4b9f1be559b6a582d6a26f51ff6b12560574c76264c4c919a06abfda37f70ed0dffd5e922f0d2336288be216883c49ddacc08682b893cff5e7cd02e9658d347ff73757a377076f08955bbcc8a13fcf2c487aa709b6d3bc0fa89308c0dcb92b771c0186c36',
                      '58d0284fa3aebd57ad65aaa5276e58e11750f8163b553c5cc9d720c4132d184b': '57147429a6bdc8c4cc25ade73c4d76b7e9de96a1243da06c8dd48211055dbee5c16ed77807138dba4a06c6a2a1446cdb2719b09769aa33383484cf73'},
         'tolerance': 0.0}),
    'unfold_flat_weights': QuizQuestion(**{'grade_id': 'unfold_flat_weights',
         'notebook': '03_unfolding.ipynb',
         'kind': 'number',
         'points': 0,
         'prompt': 'A feed-forward network reads a whole sequence of T = 10 steps of D = 3 features, flattened into '
                   'one vector, into 7 hidden units. How many weights does its first matrix hold (no bias)?',
         'options': {},
         'salt': 'fd15cae048cb123f',
         'right': 'af387c85eeb6d46365a0b9c02a51ab655e5a128cc12e709f866f12c43ac36563',
         'explanation': 'f9e90be78f439d2ddcc6bd55f94ab464273bd0b76e3f1c8c97bbc562645dffff66e717ec94e047e0ca4aa8e9a254528e8d266f11133db891f14b05634a9f094085d998219cefcd84e592552703cc03260d696803f27f004236ae311e4c1f50f81d310881717ba06f4e1dd2ec00be8e0f8b7dca7428b04e138fb27b7a7ad86a340758c19b51fa4faf5aec4004c70ec9a7c3f901b2fd9a4c3d05f8711feb57067c3609de362eada17d1d7c2e82cdd5349dce7db05bba796d3fd63dd909e0538e993ede94d44ce48a1a2303ded6e5974fb1df3a939c7cefe39db9c61d0337e7',
         'feedback': {'fae9fd344bbad78807b2a4a93560929eca422092becd08baa36361cceff267cc': '3c1ab7da93a31eac21886a108ab837106a780ae9a68a863b73063dddbf90e8203e41509e8e32cafbf1a4c2a59df3c325a558bb04c2f57f588dca7dabde6ed5f275a74eea589f0a25e3d96af8a46e406a850e9a7c604f1161cf2f',
                      '8b32bfa10106b126ef05c4d1433e448612aa0062487046d97a4d57744972be95': '88f7de632a2f11485dd1a860585b3f4c012e77ac4b8dc92d617b360658e2081dfdc6f476ee38f067177fa9446c488a3f8c779bbff2c88179b66d4ecb8377b9b7119abb7c09728e4b55fef57b6165c94b0111290c60686f5d7f1105cd4618b471753d108b3fa5b9ac2bafdc159560eaa501c79f5d26615726c1e64afedd3e4d47b6cb45bb3603e9d6bf6c656ce474ee39a5e4',
                      '7d5b3330829aacb28bede3d2d54bfeaadefb24fa593b221a83f7ef4fd7b7437e': '54d3f1a1b69954e614288c81cfd5214a69fbf0b8b032f0a252eee518b8563ac831f3eeec72376ed8314cb93196b10c9d991a27f9c3d0f02bea873c2ea18e953040265fe133b6c43d0da76ca7ac9c170d3f34c2e5c3d2e90c477a9b9a7a893fea479c8a798b93af7bae2eb7'},
         'tolerance': 0.0}),
    'unfold_order': QuizQuestion(**{'grade_id': 'unfold_order',
         'notebook': '03_unfolding.ipynb',
         'kind': 'choice',
         'points': 0,
         'prompt': 'A two-layer RNN unfolded over 4 steps: which orders of computing the 8 states a_t^l give the '
                   'right result?',
         'options': {'a': 'only step by step: both layers at t = 1, then both at t = 2, ...',
                     'b': 'only layer by layer: layer 1 over all steps, then layer 2 over all steps',
                     'c': 'both of these',
                     'd': 'neither: the states depend on each other in a cycle'},
         'salt': '9e8e08a69c8f5245',
         'right': 'a0e4938a1167b25d5f76e90db92c7597513999bfd8bf077ff42bd0405e512f90',
         'explanation': '6a9ee3a102174b62e56ecf40dfa1abbcf24aed68d109a341baf27d0fca7d98bdd303d815e17823a026b16ca62c853eda45c12d1d455b1ec05a5b3965df16449b377cc8a912b007e8bd4805fb194c0697e019c7212c04811a0245ca533923fefe967a53d419437b2ed00d253e7c397f55d7b08201a9b34e2110c0353fdf7575f8d575f349882e4a809e67fed450ca0f368a8c89f9f1e9dc4bb2743722306fc0cebc545df3b18baacc8953fc375ebff4d263ca125aafe19fe0af4bb97cb4e08677b339a825cc4b351ccc9371aa5944c8ebb1522d2404d5',
         'feedback': {'c3b5079e8a7cf79de849f626ddd40c16d99fdde14ba77812e8d27790f9010931': '8133308ffadc5a34fb25e35eabbd184a081692976110be861ab2589a7052d0a26b6e14d612fd8adf27f8bf9092229ff9e8d7d41f072415545d68084d8a4316c81c20afa45bcf22a31fdb18b30650e018987fd18cebe8b3c03570c07732f1227c556f2e54c7b90b187e8012ab3880e0aa79cedd919cabcfb4dad3409d755edf88c2f62d23e35981359e2c468635',
                      'a62800cfc403bcaf4e5eb9287a06fe23320572230cca28601afb9aeb338057a2': '1038e2658409d3127aa5b2d8f7a32504be03868d641da22fd6cfbd6f5650e2dba2e6866af73de50b5deb195680780fcaadbe1ae5fa7ac5ad2ed98620a80be23f1079caf164d7c89117fd868c36d884f91bbe93a32b344557604647b0c69366f8db761ac7d3313424a86f6b',
                      'cb4b35c597b07435c9bdb085fb7d4fe0ac7b6b7f9dfa671b97a54d01167a3bec': '6a5ffcc026456c5c15e904fdea0c94cedcbef3ef27c20cf6b0d531ccb690e29652df977ec021b4bc8949ea7f006393415f25f64a5b1bfad1b41f01048554ac0d6e74cab47202263e42acc44147ac83ade91173076a7e1ea441b61b9b5fa51685267afddf3323680e5b6662055e0e54a299cfb2cc28c37ae76209065a1c6ea5e0ac1ad7e1c383'},
         'tolerance': 0.0}),
}
