/// The agreements naming each person in each role, in declaration order, built once so that
/// `mentees` and its kin over every person take time linear in the agreements. A person is
/// found by its place among the people (`EntityStore.serial(of:)`): an array read, where a
/// dictionary by role and then by entity hashed twice per look-up.
struct PartyIndex {
    /// By role (`AgreementRole.allCases` order), then by the person's serial.
    private var byPerson: [[[EntityRef]]]
    /// Parties that are not people (a type error reported elsewhere), by role, then by entity.
    private var others: [[EntityID: [EntityRef]]]

    /// Indexes every agreement of `model`'s store as declared.
    init(_ model: ProgramModel) {
        let store = model.store
        let people = store.addedCount(of: .person)
        byPerson = Array(repeating: Array(repeating: [], count: people), count: AgreementRole.allCases.count)
        others = Array(repeating: [:], count: AgreementRole.allCases.count)
        for agreement in model.entities(of: .agreement) {
            for partyRole in AgreementRole.allCases {
                guard case .entity(let party)? = model[agreement, partyRole.field] else { continue }
                let role = Self.position(of: partyRole)
                let serial = party.kind == .person ? store.serial(of: party.index) : people
                if serial < people {
                    byPerson[role][serial].append(agreement)
                } else {
                    others[role][party.index, default: []].append(agreement)
                }
            }
        }
    }

    /// The agreements naming `party` in `role`, in declaration order; `store` is the one
    /// indexed.
    func agreements(where role: AgreementRole, is party: EntityRef, in store: EntityStore) -> [EntityRef] {
        let role = Self.position(of: role)
        if party.kind == .person, party.index.offset < store.count {
            let serial = store.serial(of: party.index)
            if serial < byPerson[role].count { return byPerson[role][serial] }
        }
        return others[role][party.index] ?? []
    }

    /// The role's place in `AgreementRole.allCases`.
    private static func position(of role: AgreementRole) -> Int {
        switch role {
        case .mentor: 0
        case .mentee: 1
        case .coMentor: 2
        }
    }
}
