"""Check-yourself questions of the lesson 06_bptt.ipynb (not graded).

Written by tools/quiz_sources/lessons/bptt.py, which keeps the clear text: edit that and run it.
"""
from ...quiz import QuizQuestion

LESSON = '06_bptt.ipynb'

QUESTIONS = {
    'bptt_paths': QuizQuestion(**{'grade_id': 'bptt_paths',
         'notebook': '06_bptt.ipynb',
         'kind': 'number',
         'points': 0,
         'prompt': 'The loss L depends on h_3 only, in a tanh RNN run for 3 steps. Through how many of the states '
                   'h_1, h_2, h_3 does W_hh reach L, each giving one term of dL/dW_hh?',
         'options': {},
         'salt': '89a3ef539e34e287',
         'right': '793bb680014bd4a94ad6eb2e31205a26fb48154e37e40719803f665bbebfb95d',
         'explanation': 'f5453ed7ed155d0f6b62ec8a83403be7562f242a348ffa64f25cea5e5b1e4142f43ce007e8a8f106a33acc77bf899fb2da139536e138029960dc0565f4a05b8374e52ff3769730e420252572c4ef6e9fde0ff524cb1e5ce5fa5e4a5eb4f155dcb32713ad286d22de1b1d55b9506a4e4ad2cc146abd869d0a7d770232a60dde1fde19d97f377250579cb0aa9a5ddc758b5084a54e4d8061c87d163e78eb9761709bdbfd33a3f56d8a8f',
         'feedback': {'0ae2b3fc3a1154c5eae6e88f98939707b51d55018df58732fe61f675a4421605': '13cde902891e6f03039afc21617a54a23ad33759be1c710cb0d4553079d82260825e6c80c8c5a93e50afe2e0426ffd4eb50f3a66a4a40440be80268d910ac966e77e334655190c8413034953c76421d4737bd39fd62ccaff99006869d4eeeb963cfac261be370736fbda9ff0fc3fdef8a672bc7d895b35c1badd86dec72332a34a613d5498de60',
                      '4e45766ca333e553d05a234f30a857c4f198662a04a00e9ec28d35f7fee4f401': '0139c3a425535b7aacdb775181a16f8cc3b9b25ef2744b5729e9a3767a7a00c953045597b954e415cd4b7ad44975d9895ce57c6e86a7c5de51686823473592fbf926e95c3df10f0a5e0a8f70e6c0d64f20c161a935ef01'},
         'tolerance': 0.0}),
    'bptt_memory': QuizQuestion(**{'grade_id': 'bptt_memory',
         'notebook': '06_bptt.ipynb',
         'kind': 'choice',
         'points': 0,
         'prompt': 'Backpropagation through a sequence of T steps keeps a cache for the backward pass. How does its '
                   'size grow, with full BPTT and with truncation every k steps?',
         'options': {'a': 'with T for full BPTT, with k for truncated BPTT',
                     'b': 'with k for both',
                     'c': 'with the number of parameters, for both',
                     'd': 'with T for both: truncation only saves time'},
         'salt': '3ab2a78f6250bca9',
         'right': 'ab0a66cbc44fad09c3ad6cdbee50738b79cad35774edc21fed0637e259aa14b7',
         'explanation': '2610daa6db9bc4b66ed5b56d9d265096da84d649407ad8249e01a0b0591a473fc39ad197d3c23576e6176196f55d6623dcf0fb10842ba02e32c7c9c90f656a73cb2892ab86a8ee32847cc9def58287ec1ef8900c65c45934b257585e36d99edac10568b8c6caf0ab6c31c982ec57b76066672b2a6c313d22964ef3ee178d18c14af7f6a629029fef4c505a09d001909fb507a3eba4f9a33b42c1b93e918baceabd04021ef8b3cc061849fb2be561a40de79d133cbfd7cbba67681fbf56e0a467c080',
         'feedback': {'65a8659fd57dd2a7865166d72674ab2dc6c7d08e117853412f54ed824363ebda': '84b1caed07ad93b24b7bde4a5b85cfad700a651d980baf9b3cf896d61a8a111fb5d697a962878c39cf4a71b802926ed43f9abe531d29c620c2ec33fce5da8adfc764445730',
                      'be3cb341bf1300371bb7040533e08477611199482733a65de71a3190ba850fcb': '33aa3813a36af29c3f7ec79d978c69554321bd31105d6905c4a4fcde4384a6b47d4174a986266242f74117f6cafedc0d1f1bae6a9fa06c8e659e804b82aa0e608b6404b2c3c25acb198f2604ddcb1bf6a0fb5b0fa12c8752263a3f740223',
                      '2231bccafbb8c0e7f5b939cecb73ad2ad6fcbe84762709bb263488fc50511e3c': '898d89e32ddc8c5c70d15b7be9bbb1ae6ed00c71cac229c10d41835e4811e699f4e5760851a5924a8c737770cae607b707c3274036bc29171afdcf875e75df23fbca975ecfca'},
         'tolerance': 0.0}),
    'bptt_where_cuts_fall': QuizQuestion(**{'grade_id': 'bptt_where_cuts_fall',
         'notebook': '06_bptt.ipynb',
         'kind': 'number',
         'points': 0,
         'prompt': 'A sequence of T = 10 steps is cut into chunks of k = 4 from the start (1-4, 5-8, 9-10), with the '
                   'state detached between chunks. The only loss is at step 10. How many steps (step 10 included) '
                   'does its gradient reach?',
         'options': {},
         'salt': '25d9574b096797ca',
         'right': '1f7e1cc6eb44fb91ceb91127bfa7d11e0a402864932ff7d8ebef65296cd093d4',
         'explanation': 'af58b969a53562a081df3f37231ace7f07ea21235bbc5382d18ffb9f9ecc28b51eb0e10ba9493682c109b018f75d71304cbf3b097f08836baab22c234e7c9347666ce08fc14a2e7c0623e7cecfe5096df6162c2a904c5651f96697d260e042e287503ba7154bc2efa4cdf52814d8701e6a56e0a62c41ebb87b5b340c4e3b521a54b83da7c3448dd4335e39415c329383d4a88dc78de58e4b081de5fee32fdb35a30faaf00c6cbcbefee46f992df41e432c2cb6650453937fadf6bdf2e97b4c88fdff63',
         'feedback': {'a1dd1d5a64a541618269a0ba90b5d16317ceb3f9c13a4c471285bc6aa50ad20f': '1f23bdaa5de3b0a6e977cc5493a9173de2efdd2f48e332ae9a1e6cb43b8ca6bbc3550e26fc79723369013e8edda1b64f8b062b0a293f5ecaa88f6e96ac825044536d33ce391e46f989f9cebbc4f8f6a2de6bb2a99f7905498bb6969183a4108adc9524026047570d6842ae28e786ed65b3624386fd0cb135e71e486c7afcbaa0634bbf00b6831d6d7b80a7b855d227',
                      'f83e92efbb38c59372ce7510d4ff67e6661473b70155812ca120042cd6628880': '645d5201a4e1a059547412b681524aceceb7f0e82f38f46d5b8a815bd3da0aead0ec703f8801ec51c67665e75efa3aad90c96f27d0c03b25455f782caa3ebb9f1df45494b1ed5360342b2eecf376df3e4a267ac9b273',
                      '42f4f71e0d8d1de3bb15c5090aaf89363787dfbbeb89d4c2f325d05aab6bcc31': 'a53ebe34815a38da6788a04faba1428dfb893ff89535c267c9fd370586e816a025cf248d5dde4e6e9e2c80b960a5b2be96820fe589217556e10fc182d79aa2fc0cbdf64d766434'},
         'tolerance': 0.0}),
    'bptt_truncated_learns': QuizQuestion(**{'grade_id': 'bptt_truncated_learns',
         'notebook': '06_bptt.ipynb',
         'kind': 'choice',
         'points': 0,
         'prompt': 'A task needs the network to carry x_1 to the loss at step 10. What does truncated BPTT with '
                   'chunks of 3 learn, compared with full BPTT?',
         'options': {'a': 'the same, since the state still carries x_1 forward across the cuts',
                     'b': 'the same, only more slowly',
                     'c': 'not the dependency: no gradient crosses a cut, so it cannot learn to store x_1',
                     'd': 'a different task, because truncation changes the loss'},
         'salt': '812b8048bc3a95e9',
         'right': '72ffb567fe3ddc59bc39da020e82923b9af251828fd65ea2e513193f4e4af194',
         'explanation': '1de25e0dc2dfba3fceca6f0baf6b173bc1cf73d661216e55b3d99c1720577ab787d80c36154c5db71ca23e259555fa1e86da27d5792841b8d3485e4b76504659b3f25f54fc9c2a9a2ff9914479307992d3bca0e340baf1bcad8119fae6841004d32bd5ead3c9dbcfc24807923f3846699534687071d14156a61accfeba2a9f315f86acd49aa3a0499848d5cd902f238380fd52dbbbabfa85ba08d51d21fad5cad29d2732e0d4bab057612d06a49285177f564eb5c8d042dd23e5f585820b9aec3fc2445a4a326abda78c4f71216d981f48db99e27c563c67a537a9eaa6',
         'feedback': {'3e7c853f6242f7cc1c25afa03d5a7d3c398d625f73219a26e4e79be0a93476c7': '15aaec838e42b6eb946b233a5654ce3e91429f7cb0033ce2a054184f96371edf414ac8c3d54fd515d52a31fb0d4766f8ac9edce0e1ef7a5e347c4e956a510d84908d874b2f5d8918ce175bcdec1d69235c5104b7b3c80df788caef26447b5524a3786c6dbb6f0f4f68dc458914346f4433e211d50f0a952b2f3c8f65560dec7d2f673b',
                      '97cd387eee20e9b324a1d7589689da26c07ab24bca0a7d8a57b7b4e8a05a03de': '8e7cdcad7ae578fed2c1258ef4e9024f96b03be5b2410d162198fce13d0e61f9c9b6f31585d15d4abbc601b1906f3b6f2ba5317790d5be17787c446998792360e6a21c0eba478b9835c6c3efe4f7b05fa9d93afbd02966de3bde3594d2075cc249e5788224917fdec169e8ec692d216a0294053d766c215ff52bcc2e7cea7b422208075c5b7de0c7667a0ed06b5e522024a9f9bcb529844b9795ded42d607fdc',
                      'bcbb70f6b218f7d8ad6953931599f1dc93c81254527b422485cc16ba313fab94': 'edb2fe5d2803e1a8f37af479949de0d99dad660e747e8db04ff36201c0ca0f7209d5cc948747627c28c8d984ca0d3d6b06330405e76468e0b656ad3a229708e4dc15175cbe96fd9910fdabe71a2a1ed586ff728cc557b5a2c5d47e5c18'},
         'tolerance': 0.0}),
}
