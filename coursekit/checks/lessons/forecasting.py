"""Check-yourself questions of the lesson 12_forecasting.ipynb (not graded).

Written by tools/quiz_sources/lessons/forecasting.py, which keeps the clear text: edit that and run it.
"""
from ...quiz import QuizQuestion

LESSON = '12_forecasting.ipynb'

QUESTIONS = {
    'forecast_naive_baseline': QuizQuestion(**{'grade_id': 'forecast_naive_baseline',
         'notebook': '12_forecasting.ipynb',
         'kind': 'choice',
         'points': 0,
         'prompt': 'Your new forecaster reaches an MAE of 15 sunspots one year ahead on the held-out tail. Why '
                   'compare it with the naive forecast (next year = this year) before calling it good?',
         'options': {'a': 'it costs nothing and is already hard to beat on a series that moves in small steps, so a '
                          'model is worth its cost only if it does clearly better on data it never saw',
                     'b': 'it is the best forecast possible, so a model can at most tie it',
                     'c': 'it is fitted on the tail, so its error is the lowest any model can reach there',
                     'd': 'it uses the value being forecast, so it shows the error of a perfect model'},
         'salt': '32b6726bdf74c7f1',
         'right': 'c5a8a41da8f17ad2f4bfd5b56a3d9c18dabe187ce74b20618b640d0f4bd156af',
         'explanation': 'ce5ed52a8d36b57fb05477c5ca7b6bb74fafb454822eff3ff90d9a122ceb86d66bb163a263668ad0283a65ea5fe211efe1e6fe8a3b9d3b2b9016d7104c50a3da6e453a18d1a88fffd036f1c188b10a0bd87b2da1b0baa47944c418900505e8bcc98c68bb2cd41cf97c82a595e7a45e98d1fdf3f3d74d292a4489cec560502cfcd705632cb8fc06be992ad9287cb918a2db19f5e6e53582a048e420600b96b419ac7b5d8add1353818a7fa461148665271ba3411b410e91af4775023a367d6decd0cdf61af8485c9352bea73ee0ecf4447e270c4afea71db3e42b20f638ddaafdf59cb00d3479a17fe35c633c70dbbbed146750525afea24d8aadacd44583026fede7a2961c6e5de6edf771c6e244cdaebe43716d8830362191e954b885bedb9bd973b9e428f2334050e4137b',
         'feedback': {'986ccdbfaadfa4eb8aa192d6312e99fb2d2dbc9e1862178917ed2e1ddd91e7e2': '34cb2c96c9c9985ca4d8c1cbb9591e863679a750f4763bad6c1808f5cc3ac8c77531707ccf40b9d900c329be3e40b3d714b61e3498d15ad7ce939dd68b6fe73cafff2d5c2ceed7fe230036688807d335c845ecf9d18584916da3f58319da30a775ee54e5815e627abcb7b9b7aa70a40d67c4030bcb0c51d8700af55e5cf0bc4067e689b9eafdc9ff1a5227ad00285d68acdac2319d70722b92ebca1d77ec9a02',
                      '3e87b85bf2aba78cd5e0a7f15707ea10b4df505666dfdd19341aff7a8e15dccd': '5b40694e02fcba4f7a5443f11d463cd774fa5ee08f66a74bfa25a35b772b6fd99f4a6555e742d3aad33541ccbf3fcea3ce7d36e51c593e4368ce0cb1cd5831fbc3d7bbb2f4a4b5fdd08dfd4cd53480ead52da36c24cd356a499efa7cca04e7e42ca3d5ef81539b75c81c33e90bdb6375b73c132fd3d6148c770a1e1cdb13ee25957ab459f8814251c760c09ee3ac02eb117ea260bb11814ffc7c4665c1689d',
                      '1e9e35a38411ebb3448cf6b20d1a81fbc9fe439141cc8080993360add6094891': 'e7c87d4a1974a4dce3d1b933f5917614670209beada62a43386f118eb05c33cec46b9dbf70ee2a06bd6f10b2613d05097ccdc45c6ede8560ddf2e59c2bf8dffaff3bb7d2134ac014e4b258a51cbee37015b2d54f26bf32c35f43af1adf19a3967513079b53da1ebb9804b1d139eca2561107e9dc962646d0d162b1d5eca91e039aaee94ff211108029471b776011036aabf21ddcbf6ecd16a42305b9254f0f39'},
         'tolerance': 0.0}),
    'forecast_choose_p_on_validation': QuizQuestion(**{'grade_id': 'forecast_choose_p_on_validation',
         'notebook': '12_forecasting.ipynb',
         'kind': 'choice',
         'points': 0,
         'prompt': 'You try AR(p) for p = 1 to 15, keep the p with the lowest MAE on the held-out tail 1969-2008, '
                   'and report that MAE as how well your model forecasts. What is wrong?',
         'options': {'a': 'nothing: the tail is the data that matters, so p should fit it best',
                     'b': 'the reported MAE is optimistic: p was chosen to make exactly that number small; choose p '
                          'on a validation split and use the tail once, at the end',
                     'c': 'p should have been fitted by least squares together with the weights',
                     'd': 'nothing that matters: the largest p always wins anyway'},
         'salt': 'bc322040777ad274',
         'right': '4c40df11422aba08e1b32af243d7d4b0a77575c49be2cc439538ac0f403bacb1',
         'explanation': '22c0863b7c42453ff5f8a26b1c5cb7cfa42b580982f9cb3c0e7dff91724ad7056266c8190ec919469b7dd196e88363e197bc9cd5ee810f7ea5e8820181d65f7afc4053731f8ed30ddc6fe97684b7bbbe83fcaef95a8f3a0d0733491d7589012f91b53a019579950531ae159ef85a34bc29d3a87ae93b46fd396fe011fd0bcc6bb7945ca563cef646004ba6680835ba7cf9e3bbc87dbf9379ff7805377f06a1279aadc389068a6c0cbf9e2a5460e90b1f0bb2e3befc2927e8fc2154962a1225cc41f49d524e5dcb287188a98d3fc3f654b4b3ce40169f588c16ea5c4e75d738f622c83e275a9e08141d4d1417df30344e0e33015e21c66958b677feb18ea2aac8cb561a7763f2c3e40b34088275d296c90a360d07f99b61df7335bdaaed0b50ad372d57a44d5bba32a1c3c24e40bae4612e738a1a6762bb',
         'feedback': {'e217f744a28ccc9b951d5a5c91376c181431299ed861b5b37d2f2e388cb37943': '5c5681871049beb283e2fb641f47e444b97aa8a4e9b77e2b3e701b6c1d35ce90c1e9c6084320cd1e1d9194a5559c4a62e095c435917eef3e8c4738157701534c5a8d2fd5f7c517d1834a8ae103417833597165d68858c1bdaa7790312aa3b2f4594b4f8343de743bb88b743d24551bb7f8532c72dede32c339a44ddd970c84a79891f06d9b3de5561af11f03dfac947bb1d54b099c5df55de3d87ec1c7a1275bd67e',
                      'fc801dd1907fa392086b1df2616be91dc1f76819896062cafaf38dd40e5fbd92': '5b2282d4d9ec5ca08dc5cff682edc521cef4b9860d9d7fd44540c7bd408db40a7c9978896bf5b6700440c951a3bc60b0ada70ad12cb67c1bfd28ac1690e066c10c52356e19acfcb2b1d7f067c1a22810c2c1b6f7b233dfab210505aa90421f8537013974cba96fa6986b9a477bc5addff852dbd913a906679eaeef0ad153eb3484b1a7ca7f9d28f5c1e3d7b55f59d4af0e4a',
                      '7a84a31483151761cbc743ce8dad8ed99b4310699ccbaaa9b1d0080c4b4eb638': '40a170a475006384f436dae60b4bb0f2b30b52b07cd9211de18950f2734161614bf646a787bc38e28f10c644669a3f07428a92ce1ad2809ffcc41616a52b399e2029dd4c2f2c8d762c80b3ee3aed66a89dbbbed8c8d22aa919341a96a465be659d842c4a03e20cbb017be004bdd3fc7345733a5bec73318913aab1808864f77352d3ab62f436f78c2a8e0a23427ff14844fd1c555540e5f9f09cbcf219ec3650d47c86bfe200dda34b83e46e4dcfc61278c1d3f516faa35357eabab22edc2c9883c0de6fcf0c3834a17299d07045f1d8a31ce30611a6721e0b0e'},
         'tolerance': 0.0}),
    'forecast_recursive_errors': QuizQuestion(**{'grade_id': 'forecast_recursive_errors',
         'notebook': '12_forecasting.ipynb',
         'kind': 'choice',
         'points': 0,
         'prompt': 'A model forecasts 11 years ahead by feeding each forecast back as an input. Averaged over 30 '
                   'start years, its error 5 years ahead is larger than 1 year ahead. Why?',
         'options': {'a': 'each forecast is made from earlier forecasts, which carry their own errors, so the errors '
                          'accumulate',
                     'b': "the model's weights drift as it forecasts further ahead",
                     'c': 'the later years of the tail are noisier than the earlier ones',
                     'd': 'feeding forecasts back is a mistake: the model should read the true values of the years '
                          'in between'},
         'salt': '72d653731d5c2831',
         'right': '978915a499fdb00bf5566959623a7bc51aae6f1e1593251b1b23fe342df37b69',
         'explanation': '0c65b85855648fbf7873baff75c8ab19fc9495482f58146a86b58a516ed3c53b4f95038f7a21d6b4702cab8ac6c4b9c40cd4dc893afd6280ab0906e9087a38e8c4a583d98633d424fba7cf7abc9e9db269200c9d793f388348bab5687bbbaff2f4d5080bd15cb26d28d98fad34545e648b80490f9df0802f4612eb3832ac73b4436c33e59412dc67d34265309d79a35b55c75801efbf3aef66cabc3cf1e68ef2863a9a1dae6d6215e242ce620b643604609b49e82780edc282bbe71e7c95f69529b71b1a0f17e763c2fcd9ccc60537e5fa2f3e7b064a059aab6d245b0861ac32522da7466de3efdb972e88132b483773834ff84dab854dcc25584a902a924dc0bb28f9d8',
         'feedback': {'2b8d7e900259941fcc20a3e07a34c7bdbab81c6c1ee189432a58ef7534a38fb2': '42f5911c8bec935f46ee6878386ddba98be1ce6b12716ebae98e6456c073d988c8031c0600b2a0754c909634f8154e3642c113a49ce20fad0a0cf4d35b05bc65fbfa1dbc9c417c0ff6af9fe8484925f38ad9b5f3517923be083d56530be21d98f3f80340bbacd7f51f653ea870d313a0a758e3368cac68',
                      '42261367b3bce67e4ebe7dca12f79baa40af49b820bdc308f7434266c08ee505': 'd15df4ca363359f944b6b3e78f4e5faf7bfc9b64233cee2791c29fc1a03786e5a3dc53552ce1f9353157e0d176cc6537bcb909a7471f18e00a04741322b9f72f18338daea0d23300f49d0c5e95da8af0bca44a21233ce1a4a33de2ddf9c33744af3dd421eaa0a03e3fb3b9f6d58f779e5e015a306c971a41a772541bcb3c5ffe34c563dfb7a800f1bee6f3be42f46850c4a44430a11adee4e52e58b63d257ce67c12cb2543337ce1a99a8b',
                      'eceb9650673ce00f595892829625061938eba1b965e79b0279444bd928794412': 'fcc895a9f136e210d1eb7f2fc042eed99a01cb6c3f87bb67951da72e260168a093ca3dda9b15ef3b12b2ec939d4c1a088368a2e7f30bb8e2f5f79f224c9ca372595545136dbbfc337b0571782f401c464c4272fac60f6947175603d13626f8c6d638cbfea7d518def5f6468b66f5a45c9e4f8ea1ea30d9cc3ba23139fd399b43788698cbcf7d0b96c7845f9286abef696f8c636bb518eeac'},
         'tolerance': 0.0}),
    'forecast_stock_result': QuizQuestion(**{'grade_id': 'forecast_stock_result',
         'notebook': '12_forecasting.ipynb',
         'kind': 'choice',
         'points': 0,
         'prompt': "On the S&P 500's monthly returns, AR(p) and three LSTMs all land within 15% of the naive "
                   "forecast's MAE, and flattening their forecasts to a constant loses nothing. What does that show?",
         'options': {'a': 'the LSTM was too small and trained too briefly; a larger one trained longer would find '
                          'the pattern',
                     'b': 'recurrent networks cannot forecast time series',
                     'c': 'past returns say almost nothing about the next one: prices are close to a random walk, so '
                          'the last price is nearly the best forecast from prices alone',
                     'd': 'the naive forecast is the wrong baseline for stock prices'},
         'salt': '9291ff5d1543bfa8',
         'right': 'e05ef6464669bc982166c8040b58b8a9616b55a03ef9d39985d6cec1775971f4',
         'explanation': '762193056c66f2afae4eef5df246d8bbfcef322b8c4015a7a967b808fbde73204930fc9d402c6bf3927277d80c138c92dcc3eaa8e89f3f0408fa26ea235f9aee5d9c552d3ef1a7f93b9d90493f6ee3fd8f19b2c97e169501f981873530b5ddbe37be88347b1a09bed027a6b488ee0cb6b1cad443eee92425410f61f9c5434b8f69b2c866d556a99960082696449a3d82b81c6235deaa8e46cfb0ec9ebaf494296771cfaeb3a911f7f470605aa644b366a64fd000ff999a1037084b1ee3fc81cdd93f1215d47638f567bbe583f41458ee23ce521c2cb670de54647166da6044f0ddf50e059e9379e6718c7bb1a0cb8d4682e4e66061c8d98f770306d8c5b6d0ed83e5403d07297122692b95e5d5696fcc7aa0eb856b65b579',
         'feedback': {'3cbaf8e6f53b385897a847cc72ead827bedd39c530a2d44082786b57dc7191a6': '6a1a29534a640ac02bef871d5401b9094e19839dad64e0db73a9e50c00d3239cebc633a1d532f555b2501d025fa88e62aab5ddf2f2cfb5f17add86a6aa38c8217b2f5f1eb531353e9cced5caa0001924e57a2709ea7272f76422b59bf3df98b81c693d4d9bc59d088e7b52983e97cf99f15c06a65843c813bfca4b4d3c01f7eaa1544ef9c2c7cb45fabb0c17e02471b757f5790dd014ef2131014ba37c3f9bdefdcd9c99b456b0c8ed1f187a3129c5dfc82114ba1f9db8aa0b55fe41a4db1dbaac6a0f41c97607cf8651455dbdd65e141b7c5feee87c3ab5d46d',
                      '9f85125b2889bfc274d8c9522e2331bc27925f9baf332b4fd9f93d518d0db483': 'e90c834d26c20e3b177ccb643a6d2b25fc3c6d5e8149819e0aa5bccb06f1209b8ac795edbf6604026e61c1db93dce77422cc8b6edc503b956010d89321528e9a0884a924de2507d5f6c72cc3c602a9ef083cd78841e5c30c44816af2d57cc94dc193fb5c604d73a2508d72e2d7fe867376faee045fd991369e2e6bcdd6a33c0bfe4e1d45a76dd8faf0957279456473f3a91606455426e437bd769b1648159f7d9dcf31b02460',
                      '2740a3da83f6e7e251a2bf7765fbef85749d9913f180c485e5b72c0fc9428a3f': 'b39ce1aa17b496b7d72135b36c33e9ab94dbef44f3862a5d5ea5896db00d8b72d4bf41ce73186a41bfabc6e81aaebca9ed3f2d9e4d8167b47d366ad8b645aeec5a96ab4a3d7e3673b380e1c03b2a0c0ce5e78bc4e08b4c3ba10a4b9d7a35324a7124ef7c7b75368a58cb6b282a220e3ade7baa19e38c59dc338e1903d896c2f1b80a67b8463736461780347b29af4fb74019b248802f22de3c5da3'},
         'tolerance': 0.0}),
    'forecast_bidirectional': QuizQuestion(**{'grade_id': 'forecast_bidirectional',
         'notebook': '12_forecasting.ipynb',
         'kind': 'choice',
         'points': 0,
         'prompt': 'A bidirectional LSTM reads the whole series 1700-1968 in both directions and outputs, at every '
                   'year t, a forecast of year t+1. Its training error is nearly zero. Why is it useless as a '
                   'forecaster?',
         'options': {'a': 'it has twice the weights, so it overfits',
                     'b': 'a bidirectional RNN cannot be trained with a squared-error loss',
                     'c': 'its two directions cancel each other out',
                     'd': 'its output at year t has read the years after t, year t+1 included; when forecasting, '
                          'those years do not exist yet'},
         'salt': '7cf2130a02633976',
         'right': '57cf7d89993bca1b42af7151dedac723516c8beaa72b6aec97a08e7ef9ac359a',
         'explanation': 'cd4ba86f1879fe483126d4bf9c63133e7dea608c4531887f0db3bf449a01b8b98b1849be7212bec1e6a0268851afa1115425800aaaeb7b378b9fc290bff2a6f656ea21bcce047419fd3645a5cdc35079460a48d4d481b29b40eae61d4adb17acbc8f27ec8a42c1550c175bcc8a70fbadc03e8a9f5d84736cee8c15a12d8dccebb9a6f5d0f17c5869a2066c7cc3ce14193f90b333b8931e16b7615cf8a8d99f6abeae260c33c000a264079c57ac2e2e6818bfe0b31180e1356e83955e5952a3a7dbd5905102bf45c20f4137ec93975684c773f1c31b5a021d22a52b3b0749dc7f393b47215a7ba93300661e1df51ef573beb1ee9ad290e6d6730cd86d016aefa1b7637e5d4827bcaec9d958731b66f391',
         'feedback': {'c0f1e686f0ae98ea2ae2a773b7159466e5340a315a8287ef052b21f7db924070': '4a5e913149a8503b6f4da71c5e23cd36ab5a1e0f64c2d9aae39bc1d5b8d799e154ea8386dc51263133a8f4c83d9142747200f297da94a29a5d621bcadbffe33262286dc0caa821779884f934128291df34725aa37fcdb5022ebf0bfe6b6fa39c999d14aea4042dd30a2032deffaa58f5da68fe1464e41cfa2abe552433f9de1b8d55df1159a17d62ee2f58b3bc6d208428836df3c799f92b558b2ad9fdffae1da4b24aa4146a',
                      '58138fca8f0aceb8f5aefbdeb32b8af7233af6cbd0ddb919b3c1ba86f40ad9e9': 'd080d82248b217b249f99e787b119a0457010a175b9758a41e36fb1a6354589d1fe1de3d3fd1825408b3d70e762e432796a359830f92a935c7c01e59e88b4159ae9116857d30dcbb6a6a06402691d5e56d0eddc34f7d5febaae0d55eb51092012d1f22281da9350fb88c3d64ef00bec289b1d7f68937b607c9a6354ad657e3440a',
                      'd2e335ef84857a2e6e527cf2144ab6ef064212fd312a81cc6e7eab885df9b887': '8fc067f7c3297c30a07460e7d8e7b6dc6a2bef0b492729aeaef8c790b10c72d309a3c99aa13e89665683c0bdd1e52de4fef8dff30d3cd82d074a75365330d592b33cea46c74658fdffcc1425c837eecde1192c9c382eff65d3197c6a9457d78640beb1a779420f04b2a7eb95dc15c252a2b39e91f9378240f5efa93f03da994539608c01abf85b7f97e1097c7a59bf89df7bc3d01f92089565ab'},
         'tolerance': 0.0}),
}
