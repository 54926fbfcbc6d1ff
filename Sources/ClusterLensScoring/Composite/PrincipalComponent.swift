/// The first principal component of a small symmetric matrix, by cyclic Jacobi rotations.
enum PrincipalComponent {
    /// The unit eigenvector of the largest eigenvalue of the symmetric `size` × `size` row-major
    /// `matrix`, signed so that its components sum to ≥ 0.
    static func first(of matrix: [Double], size: Int) -> [Double] {
        var a = matrix
        var v = [Double](repeating: 0, count: size * size)
        for i in 0..<size { v[i * size + i] = 1 }
        for _ in 0..<100 {
            var off = 0.0
            for p in 0..<size { for q in (p + 1)..<size { off += a[p * size + q] * a[p * size + q] } }
            if off < 1e-22 { break }
            for p in 0..<size {
                for q in (p + 1)..<size {
                    let apq = a[p * size + q]
                    guard abs(apq) > 1e-300 else { continue }
                    let theta = (a[q * size + q] - a[p * size + p]) / (2 * apq)
                    let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot()
                    let s = t * c
                    for k in 0..<size {
                        let akp = a[k * size + p]
                        let akq = a[k * size + q]
                        a[k * size + p] = c * akp - s * akq
                        a[k * size + q] = s * akp + c * akq
                    }
                    for k in 0..<size {
                        let apk = a[p * size + k]
                        let aqk = a[q * size + k]
                        a[p * size + k] = c * apk - s * aqk
                        a[q * size + k] = s * apk + c * aqk
                    }
                    for k in 0..<size {
                        let vkp = v[k * size + p]
                        let vkq = v[k * size + q]
                        v[k * size + p] = c * vkp - s * vkq
                        v[k * size + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        var best = 0
        for i in 1..<max(size, 1) where a[i * size + i] > a[best * size + best] { best = i }
        var vector = (0..<size).map { v[$0 * size + best] }
        if vector.reduce(0, +) < 0 { vector = vector.map { -$0 } }
        return vector
    }
}
