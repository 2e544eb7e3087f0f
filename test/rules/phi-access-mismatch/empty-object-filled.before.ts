router.get('/claims/:id', phiAccess({}), h);  // expect: phi-access-mismatch
