import { Link } from '../router';
import { OpenBatchForm } from './OpenBatchForm';

export function Header() {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand" aria-label="ImageFlow, new batch">
          <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={28} height={28} />
          <span>ImageFlow</span>
        </Link>
        <OpenBatchForm />
      </div>
    </header>
  );
}
