"""Check-yourself questions of the lesson 07_vanishing_exploding.ipynb (not graded).

Written by tools/quiz_sources/lessons/vanishing_exploding.py, which keeps the clear text: edit that and run it.
"""
from ...quiz import QuizQuestion

LESSON = '07_vanishing_exploding.ipynb'

QUESTIONS = {
    'vanishing_radius_below_one': QuizQuestion(**{'grade_id': 'vanishing_radius_below_one',
         'notebook': '07_vanishing_exploding.ipynb',
         'kind': 'choice',
         'points': 0,
         'prompt': "A tanh RNN's W_R has spectral radius 0.63 and largest singular value 1.91. Must the gradient "
                   'dL_T/dh_t shrink as the distance T - t grows?',
         'options': {'a': 'yes: a spectral radius below 1 makes the gradient vanish',
                     'b': 'no: only a largest singular value below 1 guarantees it, and saturated units can make '
                          "each step's Jacobian grow the gradient",
                     'c': 'no: tanh always makes gradients explode',
                     'd': 'yes: saturation can only ever shrink the gradient further'},
         'salt': 'e5d6a0468b49817c',
         'right': '51dce6ffd10b1ab133c52d11f902db82c917933ee49e2d233ebfa231c2d5a35b',
         'explanation': '225cc56008391e27b0d61724551836f3adcfd2b6c76f3acf58ac1d2df4c157b963d780b8887cdf1e5ad41c28ba415cda900f7cdbc09584cdb25445f1c7080f89e12a8d06c6db08d09319b6d1d715706eecc2b82b9623206b3f115cfd432e4f1198e3432e52eaf02d46ba8495a4c7027cd3a232253cd7d374e9bc1a8242872fd46c6da736e0c59428d3dac2addd58e233906f7f77e69d4345e2396fcd9a937d1038b8007c2b7229b289f3c0712a02b55c35c0310b617c0ae7f542a93b0f927ad42299aa6c68bee58e118eb70054fb1f57bb270858eb1e27728b91fb96768ac612c0bb472f9ec16a4acc8e74eac953543183d0600f0581952d3e3ada92d2380d45d66662d045d18ee303fcb1cdc3887d4876e106fc79dc69a6d3d40558ba76e2530d2607216d4fb7',
         'feedback': {'beef8800033735d1ec574e6461be63b31c31c67225611b1c2a988d224088269d': '436248e2650210a97c188ac010c19401d7545c45e1021a4348022b13b8dea7d0b46d3f4a93096a6679c24d11ebd98e416ec12cdff4452147c25fdad84fd6d7f872402012600123687abcfd808d69588fa3f1a6e58994b7f8509efc0767d2c0de986c24e7c4016866e7b39f101cf153d10c6716ea4dfda8bf96bb6279b25d9139649410a680c5698b4193cc70f3e53c90d90263e1b7d7fbbe636c88bdfbf1954f772e38bf39d1b0310cadc20c65e3fe471a497b615d7b3bda4913c6416f0222190187618575b278afbbcc1a583c0e82e06c3ef53245c67049df8a57b59a6e02678e47dd5fe086250d866b2f7f30428e172450a7194bff79110ba34ae485cb8ee2ab2f8117797044',
                      '19216de0bb82530f2824f333cc869da86e798d6a207550fba8f5659c3d5539a9': 'be9c28f4ddd9e45b342b95110c3747b12f0432af60ae5569ab4de7d1f82543e77522bd42fb2d7ada92fb97c38f8318eb34de642eea08abdb0dfc1a8b53405fef6cd6149fae61dc46a5a16374cd296c3c4cfd0e9711aea1b71713608f64fe81352519eb074bd22daa34e851264be8c68670024d76624676bde36f8b21b80cfa6834cc580ec0f2366304ac91729f6d5b3c9b4d0d98f499ce9d29bcefa07fdee5aab2338be3d909c2952ace52bb31c68fb4107338a4a97971e742d08e1b',
                      '55691dac11c986569d5a98d0390f985836d267b2fd192e9c735c95e928512c21': '91a7b7077b5cb61db95e5a291f9d8f952869efdf445e45779cf6e99778648d80f91fb25118f1b67bf73bbcb83f9179e5f34fa6327e9b653e144ccdffc14014acd5cc4bd2b4a1b5ba00d13de48834bb9aa77a65f5bfb291c50b025b6e559e8ac3a7a2bf6ea38c93dc56265fecb64005f0b985d92eb4ded44bcd85809dc6e2ea94a59f6f1c6e94dc91d928bea60edf05654f3eb31f23d150c73a8107e57501a6065f0aeef4106a3a866d8200bb7916b7fcd44aa011d9efa8fdc31de55f'},
         'tolerance': 0.0}),
    'vanishing_entries_of_06': QuizQuestion(**{'grade_id': 'vanishing_entries_of_06',
         'notebook': '07_vanishing_exploding.ipynb',
         'kind': 'number',
         'points': 0,
         'prompt': 'Every entry of a 2 x 2 recurrent matrix W_R is 0.6. In the long run, by what factor per step do '
                   'the norms of its powers W_R^n grow?',
         'options': {},
         'salt': 'c03203c0a19be49b',
         'right': 'cca14a8ab0b17232374b826e320d285912b05743ce323ce5710c8084a2141878',
         'explanation': '3f5ab9fde5e3d2276e9681804f98c65463af1c840835a1cb36509c8e7e9223e8ab33e1085c192364d84a5c7062b6c77e9387dd116c23a30db285c12ad245440f1e715a38fc0428b2c24503e7d54df319981397d0ac338a42b67eda2d8f200420acd76e52e508492e57e8345acc43515fcaa56a41cef0711208f95f9a4fe4ab085d07f3cef5cbe0a821b79a6a338da151da36df0a427700497d5fb313677d586b211345d44be7fe79f6314eef5ec21f326e7e288c332e7ef22d11af589173d342d9db697d8cd8eb1cec3f45dae5830be21b862dac7fb62505766b870b95b04f4979a84bbd5455b6f0c0cbaf13378c7eb6edd66205c233c21e22d98aa6de856a6d3910a4115f7e6f09dae92d09c3c0cdca7af984663ec40c4ca570f85c7a9a56daa176e424e52cf4946d422a0b1642e45f945edd87b81bd5cd1c8b4ae0674f84b80a605a19d26a517ad4b42fb2694b1cfbee2fcb1a66e01780065d9c4fca3075b85526c9',
         'feedback': {'9340e128f78953ce5f323b5319911d92bbee7ee9a26f3a80fb51026daddd67e7': 'ce5bce50633aa516b36e926ef35a4ae6886117fcb0dae80641b58f2d5f3e2d76feee65aa37b14f4cf024d22ee1b85df0bd18fe5857e672eaf866a5500e0d0710ddb0f7496f979d8a736eb7f7245ac9fefa7be079302c3354bc8e84bb03df91280be51eccaa008199fcb16b047e184743603eaf7e257eb929b0ce36f2554d777f6e68d3264b9ca1c29448a9cabb5a7d68a09af1290f2bcc78a55936b26733198fb90ed0c64f1a3223ab',
                      '2865186af7a13c7bc93f8acd6f438732d119afc2e585a5ba51b14753febc442c': '8fe2a00d7e47ad212c9cb94ae3a55b8c4cb8af42c11cac34e876f2829bc742ee56cf4a1a19d444b31368afd6ee07905f4e780989c9d92dad437a6df9387e944bbf02e1a63466fb4843140f897ef40597be73a0049393508584fed5b5a638754276a883e27a3d9866d0e82e347044766994696c30166c7fd069995990ed78d7ab4a89f272bfb5ab3cfbca90de28744b4611441a29cec2d7fcade538714e5c3b0ededc21eb29fc78bf18772b9b5963',
                      'c8bb063ca51fcedd58d125c22c87c726530057be5b291ac621363b6eb636c229': '5b02e88b0c0e3e39c72376c13ee8567337e8ac2d5f8ba35227b608d07d6d437a97003b5f285fddbbccad58b8f2017d0e53e0b5d76dd746216eda753f90e574547034642e2694eb19761a79d14f55ebcf01e89cb7d546bd4591957deb3f9f61d8440e2b33052502347d6f568ce0608bcc89ef9ff84091c3bc140fea0384b5bf3ece1ccf296868245fab001459879d596ad0fd4ecf'},
         'tolerance': 0.01}),
    'vanishing_clip_small_gradient': QuizQuestion(**{'grade_id': 'vanishing_clip_small_gradient',
         'notebook': '07_vanishing_exploding.ipynb',
         'kind': 'choice',
         'points': 0,
         'prompt': 'Training clips by global norm at 1.0. In one step the global norm of the gradient is 0.3, and '
                   'the part that should teach the network about a marker 90 steps back is 1e-9 of the part from the '
                   'last step. What does clipping do in that step?',
         'options': {'a': 'nothing: the norm is below the limit, and the vanished part stays 1e-9 of the rest',
                     'b': 'it scales the whole gradient up to norm 1.0',
                     'c': 'it boosts the small part that comes from 90 steps back',
                     'd': 'it changes the direction of the update'},
         'salt': '572010ab2dd9ae87',
         'right': '4ec9c5cb00750ae018430d1fd95a1129f6579e66ffaf339097a1e2c1dc817099',
         'explanation': '45f20946941f91310009c66bc62ba768af20c485141e219b28ec1b15d9254308779120dc50221442091b254c7bd7b18912cf182f747e94864c76d57a2fffdf65fa41f4fdb2a64cf279aefff4240690ea1a4d2efabcabbdd94ca5e7984ca52109b923d1b794935173a46f74bc30475d02df97e96cb520888108d55939f825a7aae12ddd5166c67a6029e7dc1acd4ade7304247ffa936ccc3ef5169143ae33f3a58b1051e1eb8113a1307dbd275bed9b73ff48d7213cbac7087d39b2a3d3b745a619deeda2680ef84484b1c374ead83a9cf55839c70832261576f0374d1bf7c7befb11efc51604db96f4549d0b61a29c6f1d4ecea047566c91422c86a4d7beea65f15bb0e31508859e83a1dfc04f64d0654d75207839a7fd7fa19b367e',
         'feedback': {'7969b1333092f801ec0a1e5c091c8d9ccf56bd905c0cce5b7e05b78b9b2a402a': '838c6ecf44da0f6ff5e796728dbcfc9ed2a76ee98e967b3da82f4ef9712a3c58c149120b428d3f4cc763070f9970fcc7662dfde4bd660186df7eddecccc410927a5de18a02c0cc19eec26d0a288ad77e8fc1696459e23ef17ff572433f33525a560d61ca950acdeb7d3073c34c99a728d5ea6d0c897963d0f23679',
                      '799a28b59fc7e53e5c9be0c22ae6b15b4ad2258156ac1a490826d757abf2cf1d': '48070f79c074cb631488a50649af974811669cc4b52f3ce512a827ae774f50748880376b0b1dd6706ec1d6933eeb4ee648126d97c49aec68925e503a4f00f3d17270c34dd3c3aec7d0c3fc09bc57f88837bb6a96d541f821c68952a8f4ab7e82e5916a8de16885e8929e6585f520cf3f2faeaa8bb377b903ffcb54167b4449c790574b6098d528da1acc8aa6e20a3975dc3e6481aacbfe67cc17d7c079c19c1d6b7e27ef2f93ac9b',
                      'ae65c095ada580fcc9d5caba7056ea22f10a517f05a87748a5fa7a2340ff91eb': '4bea607f346111d692986bcde0532debd16886a4de4b316a5e21bb55afb6a0fa1f4f64e08305d5d3f6616599a1112f65a718840ad1f9de66b8fa32365a7d31df7456ac1598d5b9cb54bbefd4b73ae548566b194a0b985f54262d84804cf5a5b15040a98544d9d7b1379ff6f894162a6c7c0b34d29ed4d48292839dc9'},
         'tolerance': 0.0}),
    'vanishing_relu_all_on': QuizQuestion(**{'grade_id': 'vanishing_relu_all_on',
         'notebook': '07_vanishing_exploding.ipynb',
         'kind': 'choice',
         'points': 0,
         'prompt': "A ReLU RNN's W_R has spectral radius 1.1, and every unit stays on (h > 0) at every step. What "
                   'happens to the gradient going back, and to the states going forward?',
         'options': {'a': "it is damped by ReLU's saturation, as with tanh, so it vanishes",
                     'b': "it is cut to 0, because ReLU's derivative is 0",
                     'c': 'it grows by about 1.1 per step, and so do the states: nothing damps either',
                     'd': 'it grows, but the states stay between 0 and 1'},
         'salt': '6c0af2077cfe9b9e',
         'right': '45563e8c305b58331c87af8444e0ed99be8be9fc9cd34122088fefc256ac5ba7',
         'explanation': '19e0c6ac98b7cea6eee4e9e9edee9f5d03e05b56ca023021cddc8574259d422b812e97cde5bb4308c7e24db25cc0a95cfbaa8a5b908e64d7400bbcdc7a6cad0d4a3942c5da2eac591afc20cda3397bfe59a69a5fa06f4bb872751a7600fec96a5c434c58b3b21f8af0fffbdf9feaa0b4d24003e2b59565c6e96b710b6c91a8cb4f4d8201ba1a4231aee1f86a8dba53d2f5784dbad461446042675c4510822bf8113b36e53997c2bed0196a8c99c2888b706246d661c1d744cb0a628399688217e2e8b960e0e319bae2917d331a55d1084a85661ee2155d876e43520eedfc37580fa6e89d8a37358c89beb8c9be21edbb89964f1e4755601b35238683795c0b8ad73aee7696ac8747fda98cdfa76e52849e64d1450a4798fbcdbd75d0b1601f203011cb15be',
         'feedback': {'b08a69a4528292c73d09824a0ec3c428bb566a147f3775607ed0a08cd8eae195': 'd3a43015bcbe436269bd77b71f511731c26efe03f39a717a843ba3d04697d5d6a927269ecc25d5d4fb93ae09caa46722a56cd826257b3dcf98a9224daa0a99bfd05e14f4555ce9303f9e7d044d58ba24e266dd16d39d3ee8e17082bf7908829210a5683aa2dba8f06ed539057347e6c9f4988091b6feeedadb007c414535a4b54d5c55b74b032b54fb59672de18aab5bdd6164676e84d736b1e95bfe510a841aaf190454f2',
                      '1722e838ed2d6bc7637dccc849d39e3cf84afea4cfa9e5db1476d2c8f581ce55': 'ea24fc8bcff20f1b296787577e2e85a9fc2ba384ef19e2a2112185e108da283b334664527c6acdb1451b466d04757c7013fee827d1f69e1b62487162b2cee45b761693c37984c354b03b3b6ace5416381ec969ac3dd8e993f6ee8ec78379e20bc224a332eedab49800106786a396e82ad6247eb09cceb03c871e2c2aab5d5ef7600aa3bd3c5502bd5ba3023f5654b8870a29c8b3d4a68553f0c1fbf9cf696c649c9620e99b59c7e3e673403a943d907b176478416448',
                      '44b0d442ed6bc92901452b6e9d306be3eca9dc4ec2adf5cd0ad643aa80a64d16': 'c13f6a1a2b1fc9949e767b672ee2742cfee06102772096975cbc019f0e0521386d99ffa7c4694b78f1c9094d9938973306a705a16fa452c76fb3d0268456abbc2944901ae2c15ed58bbc08e00689817b96889f903190e24212a90a661db8c1a1e3a45996cac2d432bcb44b9d64d301aa45f3fae8dd98e143e77229977b3ab41d4c'},
         'tolerance': 0.0}),
    'vanishing_layers_or_steps': QuizQuestion(**{'grade_id': 'vanishing_layers_or_steps',
         'notebook': '07_vanishing_exploding.ipynb',
         'kind': 'choice',
         'points': 0,
         'prompt': 'The lesson compared a 60-layer feed-forward tanh net (a different random matrix in each layer) '
                   'with a recurrent net applying one such matrix at each of 60 steps, at the same scale and over 50 '
                   'seeds. What did the measurement show?',
         'options': {'a': "only the recurrent net's gradient vanished or exploded",
                     'b': 'both changed geometrically with depth, by similar amounts at the same scale; the '
                          "recurrent net's seeds spread wider",
                     'c': "the feed-forward net's gradient stayed about the same size, since its matrices differ",
                     'd': "both behaved alike, and the recurrent net's seeds spread less, since it has one matrix"},
         'salt': '273ea0c467a90f70',
         'right': '44ed5462b90640b73422a8e5610703da595644d6bde863450956de828c16542c',
         'explanation': 'a49747966a9e64edd6f7741c6cd68248e9b7014a3fcb8fa9cb1d9e86eeeecc87b01a66d340b0de1e9ea770f5560a341793e8094e78c618965ab1dd50e6d70fec24f376f87887cb06812eb15c9731417fe8fff7f1383accc9c9c69546bd3223cbf32fd5738267b120b93eee7d9b396276de650966a3d2511564e08454c98b78571849508eb7a9a4bcff0862a34dbb9b62e95c3f14f764ad323283d72a0001c70e9fffd886ef8096310a24e82d7014ec99e397805c86dfb5823d681090bec0a413fa4cd5dec3a3cf82390227df5d5e1b1d141f8454f88923bbbf9e6ccca2bd2a422838364e919f2e36a924317ae3e88e5dcea87880df70657a77e28bfdcd62d338c63aa77c693ab568dcfec41e86349b341979c40237af57460bcd0d15745815d2d9a9ac9e7831000fcf36d4c5bcc787fb4c85907be1d166c754675ee863f550b202e202d7f1009b4e39eaf49e4fc6f85eee98ec5eb895f17b613de0ee9f8a34b26bb38d56095f8c0de9f94c22aba4e243521e83c7a472ff601a7c01be0d22084f20e9bb0d60411ef6f3714e941cf221327681a946e7ca',
         'feedback': {'e17d642d7ff0d6838903b953cbc167f7787195b2598dcb8d402377f34d03fa80': '46c03db2f674760d37c8fe6575c0841b3278ef157d1c4428c608d6b98bf4437acdb2273ce691359682239478a6c57847489f9c4de09544adde24fb33cb0a1386ffb0433eddbb3945811a6599e9d8cc2f736be081176133d7e3ebdd4127bea73493efb27d0c6cd02d010d977f4aeca99ab342ad9bbb5d21bf8593f85787200959a5e7a09d04fa1182fef204b189af3e75da0101e32cafad44db0f6b84989a837f36122c7574d6c9e0422665a1db3df4f9',
                      'f739650ef87cb42bd42dfba0c1236af118777b4de99a16dab7ae4d0bf6f348ca': '3c30691261eac0ecb9cda0a92f685c91681c4b45b08fc75d9436300c10f8f4ae4f7356b403fe18cb5e621dae7c680d637bdaea5c95e02c5e717fdcad89dba7a87fb07048141511bea7b723024690f3eca71f366c354043d3318554337a7b669b04c5030f15a8e5a9bf7739be6b41b590705dd568fcd8b8b30d3439ad45c3fefe63955fb29e42e80a29695d3b88e49eb2d6c168f1f60b69f1bfd82933f002485410d9fe054f93f055a395150ce790053ac8cdece9b390a58fecd15f2c967c38ad2f7a',
                      '17f1bec4c2c4ac784fb4ba7e1d7150b42284ad9d4e8d3eb97804d5643025812e': '7634f765737ff3c88525d1012861e40e4f8aecd678b54cd1cb42e403b108fef4830122411ffcdc9aaac64ef519760ee070425e098e618b65e7cfb07565653c3e97892735f27cf0d28d6641b3a3036978929f39b51e4911727de2b63d60fc75ca2d3ed813bf037244e8cc8922390e4c13de77ce5becdb2442eb0284829b9a51ca40a2a598deaa5984a8cd331a19a31e639888dc90d31438237a7cff1ca84642841c578e8856b1b0'},
         'tolerance': 0.0}),
}
