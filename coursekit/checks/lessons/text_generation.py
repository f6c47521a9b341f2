"""Check-yourself questions of the lesson 11_text_generation.ipynb (not graded).

Written by tools/quiz_sources/lessons/text_generation.py, which keeps the clear text: edit that and run it.
"""
from ...quiz import QuizQuestion

LESSON = '11_text_generation.ipynb'

QUESTIONS = {
    'textgen_lower_temperature': QuizQuestion(**{'grade_id': 'textgen_lower_temperature',
         'notebook': '11_text_generation.ipynb',
         'kind': 'choice',
         'points': 0,
         'prompt': 'You sample from the trained model at T = 0.5 instead of T = 1. What changes?',
         'options': {'a': 'The distribution flattens: rare characters get more of a chance and the text gets more '
                          'varied',
                     'b': 'The distribution sharpens: likely characters get likelier, and the text gets safer and '
                          'more repetitive',
                     'c': 'A different character becomes the most likely one, so the text says something else',
                     'd': "The model's bits per character on the test text go down, because it is more certain"},
         'salt': '7b1ff9668938a90e',
         'right': 'a7efcb2f07f6d7eaff738e3f0476dd4ff452c6e4300d43a638e8eb1b56a36743',
         'explanation': 'be25c69600d612f0c71d309920e715aa42639f3d0ac0503528bae116c18e0dc2a45da360018fae8aba63c3707210b298a670f1a9380591a8fe41d960c7f2252dc35b6d6a0ea284544594c0735962dc4d6d728a0bb7996cdd0c9f2c5ca07ab56516f4a145428a639e0542ef008fdd2d10dbd122236c68d6da744990834f1288adfd3c35b6564c5f78bab884870e1a16c64a7837d1bc7bafe5712884ba7c1d97735b8f589a881c83e41bf7a18f3d02d40a3a1c94591269567680065351cb33b219e9a15cb362ddf336c008704d62a9bd19b3b319e26a7740211a5807eafb030dbcb5dd98733c0a76f3ce5206ca42b2a992b3c45190a2f8e7b6fe7ed98854c14bea9ea1cbe2be4cc9c757a7db473c4f590f5b40ddb0d8e544cfa0dd776b55949bcdfb647ee0fdc46cbba5352b8c854ff44ac02a0ff0d6d616a745',
         'feedback': {'f640739a335fa2393f9e3f0d38ac38b79a802e0c8be96fa1d625ea89902e1290': 'a5eb553c448415e84d1bac097ba7e145bcffa6a90f9875b380d32c4798eb466dd78bd76d670bac9843d24ba07d248ff0fc4d9c151ed8553633cd7babda4d426329d0bdd03c4025530b872fdd9a25bb61b783d659d17efbf99459f94181b561362df4734ff8f43e8972cb6304489086c824bcc99d5aa7972748c7014cb83f22eb10a7312896bdbe19d37ed9c5259c52cc074d3668b351f6b907a6c6beb3accbbf376e7990de',
                      '5197e3f670bcb9efa088e09bfce712dd4a5db5ce094b121eb059520c5e62abb8': '09ad3f47e70d0ed4513088160c0037d068ee2f35fe64b42ed0f2079daf701433df37ec3e6bb9ee9cbe9d4ac9e7f7a6d3952d864cdbd78afedb42fbeb037fd56ce9667e74225836723e976583760cebed9b095c3e2a1782a6224c2ab09de6592a87a2909e38260f40c1f71d664b09b14fa6d7ba0a04f88ef5c8dee2db95ea28ea26060cd4a6e219a9d0d6ee0767b95427b323704a6b3a57c39b8dc408015cbfb242255958ef639f99d3e5fd04bd87',
                      '606430f765204682445564f55f4e312e47e814dd5bc20f5e18db0dcb160c3276': '8ccd663c7d3781e76f7cbf4c29e39c1aa567c2ec2ccc30273f41ea4f6c3a1e8f585d317d9751daa3c63a51bd522909d7fc8f2de2bc4cf20826e03efe27c93711c1cf2ea901212c1483686130ec28d72080d17d9515466acd5fec901dd3242ed7b688722b40c0e214f6ddeb942e10462de5d9b808bfb0db82688103d64ac01cf9f370ca5d2e76fe429477eca11aadac3929c841d925314fc4468e692f9a18098b23b41cc3'},
         'tolerance': 0.0}),
    'textgen_uniform_bits': QuizQuestion(**{'grade_id': 'textgen_uniform_bits',
         'notebook': '11_text_generation.ipynb',
         'kind': 'number',
         'points': 0,
         'prompt': 'A model that knows nothing gives each of the 96 characters the same probability. How many bits '
                   'per character does it pay on any text? (Two decimals.)',
         'options': {},
         'salt': 'd46231a232b5a57a',
         'right': 'a51726865cf4d48094f428759a077c66fa24690f06bc39c002017508363a1dec',
         'explanation': '3ce3911af8845fe3b0967a6be4c2b70d672ebbb4294aa7771eef00694c85b3a296d987a4fb4e9ec9e0318e9d7652c9002807ca521238a098466152b7e03aa1392cebdb844be4b9b12eeaedb95555170988f2e91f1070b7360a306fc09eb826b3da6523a5d3275394b496f419c3f96b029532d6097ec2eaf25e6fb1b9cdc5b3571a6775e56e214ea914b9b3a831309c3552f9c2771df32d42db214959d2fbaedf777465149c15',
         'feedback': {'33679a6a47e5ffd72f495775c28cf618c97f08eadbcd8f520eefb2e54d1fb180': '1052d6f50f26c949e974aef8d5a975eb2c72c63b787e6a9a8c0a41120e09d150bc186db91f4892706a365a24f59fa76c1908511ea859cd66cba690dccaf354b699a5072550221c96662599c6edf479b7ab75b7359271f6ec982a1325da1900c14652ccb51ece',
                      '91f2a850fbc8d6ed8f08ea20bb8fbf844c4867c21f2fc61aeb53d430a5e2ab69': '1605f5b2a3221a452eec5fdef4cda3a80722cd11170d8c180e387f6f03339a9337ae688e83abfb8b27419cb3ad363113fbaee66fa4f08b317676518c0a0e58f68b',
                      'd14758babf1d4d60c714f06d9fde0c941f4d02b03160db8b2436a681253b06f3': '40e4aa75eef8e952a135bdec173284fa9a80f4c47254b4d6f16f45316d5815a757b1564b5eaabcac38e3b8e6072117f98ba21a47897e7efc48bef5ffa23a10543f20318ce33db51519ae3d77b02290af774b6edd44a374fe97cdc7a6e7146239ee2238940a271856f9e0886813ec0ec8980e8972033560779541604b82bb8d65af963f25a444ba0ebe0544a56bdfc96d7c70bd4cba5b56c6d00c452a65f2',
                      'd20ee3e92b17aee7daa3e561e6e1168a1c6354696cee2e58e3cabc23f02afe25': 'e3fe06841b784c950b7639205d55a8746294c2a87524f920b39ec5a05dc6f2bfd45962c3c79a9339eabebf58daf281910e4ec7f5dd7d3419f17059f01ffdde02f357dac58c6f9379434ff64b3d7200042de193b2fbc772dcf331347ffc2f03668d62f4744c384f5d711855e06a347dd4c214ff70588b4fc5c9212b30bd6c'},
         'tolerance': 0.01}),
    'textgen_detached_state': QuizQuestion(**{'grade_id': 'textgen_detached_state',
         'notebook': '11_text_generation.ipynb',
         'kind': 'choice',
         'points': 0,
         'prompt': "The training loop carries the LSTM's state (h, c) from one window of 25 characters to the next "
                   'and calls detach() on it. What does that do, and what does it cost?',
         'options': {'a': 'It sets the state to zero, so every window is learnt on its own',
                     'b': 'It keeps the numbers, and the gradient still reaches back to the start of the stream, '
                          'only more cheaply',
                     'c': 'It keeps the numbers but cuts the graph: the gradient reaches back at most one window (25 '
                          'steps), though the state carries information further',
                     'd': "It stops all gradients through the state, so the LSTM's recurrent weights are never "
                          'trained'},
         'salt': '5bdec8f12b41a866',
         'right': '78f70d24b57ae08dca7f14a99075062b6a14813122cdedc14c79b7f258c629e1',
         'explanation': '199ecd13470ac5cb9525fa2e615e859cb33395a2f7263206abb79068a6283e5d201a63d782b98d501c38d521321ed27390c95300c0eb70519b0c27adcd1580b5f548b488de60b30f24b4205aaebbf0ea9a31c1a48d2ef26ac0d0ae21c24494b3e7159e2188cf5aeca53e947c6a01bae4d35ca1b5d0ea30b4c3359295ea46f8d110fe4183c2673b0d70833c261759247dd8cbfa355596d8859ea5fbd1e106a269c24df8e63ccfd5628da98f3d6bde5fee32bea63d258e15106b0db986a7225115753933fc47c94427a3165e389a4ccb5e28e5e3247472ee4a8c65b1e669f7f03903830e849087f1c4945b4c8c6e76c74a7ed92a5244518431c41d5d0ef985fb3d813cb8d421a985354309d13621a64d9af6e1f52ccf1313eda7fdb790cf285fc9b7c99a7b287e914eb6268a3e115fba386485158005f1856c41387df3c3368678ee86f46d4ff25f994e51bed78979bb5f10ab45290dbb4e2c64eabaa82bc1040e3cabb3ab1b6aedd29564b1db78602ef46a65577050be2f9f882e6d5a6dc67bf334194f154ded37f8dce798ba21be',
         'feedback': {'17ea3e8192cf8b293c2e420595a5a75b87a37467d8cba7e7125fd96298d9c12e': '9776d28341f8512a889b2db966b6d67fe6d8bcdc68ca3f720ba84540807720601bc38d8d3766607e2543aa7884ccb77872cbe6ca2a798a88342a1833884cccf3226f1114505dd23df380c1a71d9211405f8163034a6ca1e18050d371d514238f672a67a378df451642432b6a23d075b27a96ef5fa508a7618dc23ddc163fe9987799dd3a645c81d1f0a3593b6712d00b3108cb54ebcc4aeab7310b7d0ed9c46fa0c4f1f4a8d512fdffd5df370dd487b724a6e4',
                      '37f2d20e69634c0800729455c0abcc56cfa66ff3c3ed29c1d59670031ed2d7c3': '89e0a1ca4a2de9804c9e50cf1bf38a7cafdaa9cb508c35039c1eb3b62c30bcde00d0d9bc5569bda0418cf8a0a9b70a6f71372954735afa2a9c9ebbbbe6b5f8e426fcbfdadb7a27615684e926be2ab4f9af6815b98815c0d5df86149c5a20045f046c373d4f3da2ddc430fbc6b7980020de0f436aee64c12579bceed49e8ddf1352556d85fa69cab14c62670271252e1ea689eff7615355db2ad9f28ea726dc9d1c3fae3f34021638e1b18826f6a63452060c748a155943c328b80998c673368c2cf95753b291d5aa141f0b075dc770077d35d7ea73a1aebaf2da0bde1bb2ac08f6d5',
                      '91d9cb4f4892d71ec1419b26f0caceaaf1e1ffaa312c137ac7fbccb96d24c469': '0e1d00b0c6bfd255056d9e83414ece881320ba25e4724ded03d3b1b2cec1c24d61241a6a1f063709595e53b3ef53b46784b97821a15a5e672f70a57f462f3d31d5d299ee515608d7de3b78b70cd228988471f77b84f3d7f29ae30708301aacb6947657b9104211dbc9815236b9d1487d66f4c7786de8575e5506210105c1970a734d3e6b6316896144eabfcc0865cb940f78ae7332262f32ec0e56dfc18a9144113c7b19b08295f4'},
         'tolerance': 0.0}),
    'textgen_greedy_loop': QuizQuestion(**{'grade_id': 'textgen_greedy_loop',
         'notebook': '11_text_generation.ipynb',
         'kind': 'choice',
         'points': 0,
         'prompt': 'Greedy decoding (T = 0) from the trained model falls into a loop, often a long run of spaces. '
                   'Why?',
         'options': {'a': 'Each character is the most likely one given the state, so the text follows the state; '
                          'after spaces (indentation) another space is the most likely, and a state it comes back to '
                          'repeats',
                     'b': 'The random seed is fixed, so the same draws come again and again',
                     'c': 'The model gives the space the highest probability after every character',
                     'd': 'The model is too small and too briefly trained; a well-trained model never loops'},
         'salt': '746f82102b10ee9d',
         'right': '5a2935b86bd062122e75766b410037c146e1216a49fa5af3613c5be0fb308c0d',
         'explanation': 'e8dfaf6b09da5019fb2a2b355e21b91999cdf645c03c3ef8a0b7c40135d529a209449151ecdb29255aa6650c55a6d4a751e2827c6189222244784285eee9d5aebd4340cc6a3d70ee919fe572b1d66a0a3d8bee53af5f7e222b819faee34fe57cf3a85e8fac1efe1edefc3f44da8b84e64139db437e067c73576efdecd2c399938f8052c8dc2f28d21c7a1b85382ecd250194a176149a39b40f1b5ec4d6530a15dc396cbc43f245a7f26f571a67fca9f82ffb59e1b38acce11440b030373dcd9507d7912ec996c3cbeb0d2c8c8fa0f5c52613f4dcb08d22990db80cad4c858c872407b17f179d8e31816c40dbbe055dd1c93a572e1a2a1845a45e855204684bf49206fe45f0fbc7b4036c3ba4268b2e8ce3c4ea45b3c35065072a2e54ea66a462f47861b31984c0ff2bc56062cbccbd9478479a42f406672f21910c037af0b55554d3c5d2d6cc6ca67cfa123c903dada039e0fcb283d01d3896e6faea983c597f6f0e03230a1b547906dfdbca4b9897b7f8c184f7f6b9d80e14a7e6c1e226b9f1cdcaad1420236eb4597f55c97db28b979f',
         'feedback': {'23480d7f25516ac25a35d26b4251d133eb2901f4a01095fc607e036eb4312459': 'f35c16a70e83f2b3dbfb083f966d2741ae69c010c797e96d7ae41ec826b38c18a0ca1911611d6ebbf81cbac76418856847add8fc301de85acf0365e96a9dbdab09195be275182a36409a28391f573241278ca2c0fe0e7361a51f5781c0ca217c06b76abca1ffb3dd4f0cd24e8dd64ae80b190949877056d8f4ff417675388dedadbfb4d201ea9fdf7eb45011fde3a2fabe161e630430dea21ede',
                      '029b7085ce4d918c1e0fe81d11a54fe2d06aca39e53cd664a6491ca1d7274f68': 'a3bdc37e55b107a56c7c6844f2f06e417697b9170ece83b9e090aa2f04e6c8807aaf44a140d64c07e2e6f84c838d4611224befdf9637cd0a890eb89179e909d2754d70e71b83ec19b101db7a7505f8f23ef6d802b4ef8f00d6e9c35ff6185a78e49b4b5c6253b72f13ea726cda770f1342b76a6195071bceb877f81cdd3021b1c686f7fa4dead11321b29213098dd0542ab25b111e73a581a391e56bef74eaa4474c72d95afd2f5b31ac93fb218ab62d51949836244be602c359cda7108bfc39147e229d76a077c8e7a919579a242da5ec218d043b8dd12090727f54a6975e1e5e1c50880c',
                      'ad56787da8016a49a53eb865168ac4c11b3b6a9f8cf0a35e3840a49a12439889': '076f90d3023eba33224be4c7db88d11303d23c5ecab2c679f19e482e469d044e2ad2a316d1d3ec0c5808dc5e4d9b0f17f198359fdd19967acbdd356ef0537d1ba5dd87e380c18a7967fc6e08e696a695db3e96d11a1a821e816160d7418d527aab05e5d570226cb966c971cdf0a06c528347d7e6e69aac216ad51198ed9c84afcc5b63d889bcb1717bda7b8ba19130651ef5545e311467c0f085a561bdf27c'},
         'tolerance': 0.0}),
}
